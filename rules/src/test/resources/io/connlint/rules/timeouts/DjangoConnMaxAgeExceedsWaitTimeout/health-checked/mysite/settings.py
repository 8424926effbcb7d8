DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        # expect: CL304 warning "CONN_HEALTH_CHECKS = True: a dead connection is replaced"
        "CONN_MAX_AGE": 300,
        "CONN_HEALTH_CHECKS": True,
    }
}
