# 60 s < wait_timeout 120 s; 0 closes after each request: neither fires
DATABASES = {
    "default": {"ENGINE": "django.db.backends.mysql", "CONN_MAX_AGE": 60},
    "reports": {"ENGINE": "django.db.backends.mysql", "HOST": "db.internal", "CONN_MAX_AGE": 0},
    "analytics": {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": None},
}
