DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        # with health checks it stays a warning
        # expect: CL601 warning "keeps its connection forever" "set CONN_MAX_AGE = 119 (below wait_timeout 120 s of server main)"
        "CONN_MAX_AGE": None,
        "CONN_HEALTH_CHECKS": True,
    }
}
