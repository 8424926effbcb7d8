from .base import DATABASES, SECRET_KEY  # noqa: F401

DATABASES["default"]["HOST"] = "db.internal"
DATABASES["default"]["USER"] = "shop_rw"
DATABASES["default"]["CONN_MAX_AGE"] = 45
