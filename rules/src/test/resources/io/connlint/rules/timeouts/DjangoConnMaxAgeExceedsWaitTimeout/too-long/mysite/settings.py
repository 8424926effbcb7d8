import os

DATABASES = {"default": {"ENGINE": "django.db.backends.mysql", "HOST": "db.internal", "NAME": "shop"}}
# expect: CL304 error "CONN_MAX_AGE = 600 s (10 min)" "CONN_MAX_AGE 600 s >= wait_timeout 120 s" "at most 119"
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "600"))
