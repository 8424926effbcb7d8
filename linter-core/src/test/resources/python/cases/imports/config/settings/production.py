# env: DB_NAME=orders
from .base import *  # noqa
from ..shared.values import SHARED
from . import pkg
from .pkg import sub
from .pkg import sub as sub_module

DATABASES["default"]["CONN_MAX_AGE"] = 60
INSTALLED_APPS += ["whitenoise"]
# expect: DATABASES.default.CONN_MAX_AGE = 60 @ 8:40
# expect: DATABASES.default.NAME = 'orders'
# expect: DATABASES.default.ENGINE = 'django.db.backends.mysql' @ config/settings/base.py:5:19
# expect: INSTALLED_APPS = ['django.contrib.auth', 'whitenoise']
# expect: CONN_MAX_AGE = 5
# expect-assigned: CONN_MAX_AGE 11:1
# expect: _PRIVATE = <absent>
# expect: os = <module os>
# expect: SHARED = 'shared'
# expect: pkg.IN_PACKAGE = True
# expect: sub.FROM_SUB = 'sub'
# expect: sub_module.FROM_SUB = 'sub'
