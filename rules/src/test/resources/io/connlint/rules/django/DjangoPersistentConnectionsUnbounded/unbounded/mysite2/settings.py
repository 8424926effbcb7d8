DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        # with health checks it stays a warning
        # expect: CL601 warning "keeps its connection forever"
        "CONN_MAX_AGE": None,
        "CONN_HEALTH_CHECKS": True,
    }
}
