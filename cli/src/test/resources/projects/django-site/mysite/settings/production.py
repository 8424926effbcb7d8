import dj_database_url

from .base import *  # noqa

DATABASES = {"default": dj_database_url.config(conn_max_age=None)}
