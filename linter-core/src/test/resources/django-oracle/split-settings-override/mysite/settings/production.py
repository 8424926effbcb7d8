from .base import *  # noqa: F401,F403

DEBUG = False
DATABASES["default"]["HOST"] = "db.internal"
DATABASES["default"]["CONN_MAX_AGE"] = 60
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
