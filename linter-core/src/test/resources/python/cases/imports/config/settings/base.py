import os

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": os.environ.get("DB_NAME", "app"),
        "CONN_MAX_AGE": 0,
    }
}
INSTALLED_APPS = ["django.contrib.auth"]
CONN_MAX_AGE = 5
_PRIVATE = "not exported by *"
