from .base import *  # noqa: F401,F403

DATABASES["default"]["HOST"] = "db.internal"
DATABASES["default"]["CONN_MAX_AGE"] = 90

# Developers may keep a local.py beside this file; the deployment has none.
try:
    from .local import *  # noqa: F401,F403
except ImportError:
    pass
