import os

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": os.environ.get("DB_NAME", "shop"),
        "USER": os.environ.get("DB_USER", "app"),
        "PASSWORD": os.environ.get("DB_PASSWORD", ""),
        "HOST": os.environ.get("DB_HOST", "localhost"),
        "PORT": os.getenv("DB_PORT", "3306"),
        "CONN_MAX_AGE": int(os.getenv("CONN_MAX_AGE", "30")),
        # bool() of any non-empty string is True, "False" included.
        "CONN_HEALTH_CHECKS": bool(os.getenv("DB_HEALTH_CHECKS", "False")),
    }
}
