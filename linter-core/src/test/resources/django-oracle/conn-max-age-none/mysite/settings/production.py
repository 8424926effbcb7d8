# No HOST and no PORT: Django fills in '' for both, and mysqlclient then connects to localhost.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": "shop",
        "USER": "app",
        "CONN_MAX_AGE": None,
        "CONN_HEALTH_CHECKS": False,
    }
}
