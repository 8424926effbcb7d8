DATABASES = {"default": {"ENGINE": "django.db.backends.mysql", "HOST": "db.internal"}}
# Django reads these only inside DATABASES["default"]
# expect: CL405 warning "'CONN_MAX_AGE' is read by nothing: web reads it from DATABASES" "(Django reads it per alias)"
CONN_MAX_AGE = 60
# expect: CL405 "'CONN_HEALTH_CHECKS' is read by nothing"
CONN_HEALTH_CHECKS = True
