# An absolute import resolves against the file's ancestor directories.
from config.settings.base import DATABASES, CONN_MAX_AGE as AGE
import config.settings.base as base_module

# expect: DATABASES.default.CONN_MAX_AGE = 0
# expect: AGE = 5
# expect: base_module.INSTALLED_APPS = ['django.contrib.auth']
# expect: IDENTICAL = True
IDENTICAL = base_module.DATABASES["default"] == DATABASES["default"]
# expect: MISSING = unknown(`MISSING` is not defined in config/settings/base.py)
# expect-note: `MISSING` is not defined in config/settings/base.py
from .base import MISSING
# expect-note: config/settings/nothing.py not found
from config.settings.nothing import *
