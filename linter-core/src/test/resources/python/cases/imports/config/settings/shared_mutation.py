# Imported modules are read once: both imports see the same dicts, as Python's sys.modules does.
from .base import *
from .base import DATABASES as SAME

SAME["default"]["HOST"] = "db.internal"
# expect: DATABASES.default.HOST = 'db.internal'
