from .base import *  # noqa: F401,F403

DEBUG = False
DATABASES["default"].update({
    "HOST": "db-primary.internal",
    "PORT": 3310,
    "NAME": "shop_prod",
    "CONN_MAX_AGE": 120,
})
