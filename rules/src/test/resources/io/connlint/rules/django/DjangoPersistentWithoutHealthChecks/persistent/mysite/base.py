DATABASES = {"default": {"ENGINE": "django.db.backends.mysql", "HOST": "db.internal", "CONN_MAX_AGE": 0}}
