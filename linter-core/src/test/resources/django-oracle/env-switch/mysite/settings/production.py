import os

if os.getenv("USE_MYSQL") == "1" and "DATABASE_HOST" in os.environ:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.mysql",
            "NAME": "shop",
            "USER": "app",
            "HOST": os.environ["DATABASE_HOST"],
            "PORT": "3306",
            "CONN_MAX_AGE": 60,
        }
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": "db.sqlite3",
        }
    }
