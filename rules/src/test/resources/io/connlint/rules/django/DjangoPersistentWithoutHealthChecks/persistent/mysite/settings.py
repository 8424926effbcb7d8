from .base import *

# expect: CL602 info "persist (CONN_MAX_AGE = 600) but are reused without a health check" "True beside CONN_MAX_AGE in the DATABASES entry (Django 4.1+)"
DATABASES["default"]["CONN_MAX_AGE"] = 600
DATABASES["other"] = {"ENGINE": "django.db.backends.mysql", "CONN_MAX_AGE": 600, "CONN_HEALTH_CHECKS": True}
