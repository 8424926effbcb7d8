DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        "HOST": "db.internal",
        "NAME": "shop",
        # expect: CL304 error "keep connections without limit (CONN_MAX_AGE = None)" "wait_timeout 120 s (2 min)" "db/my.cnf:2:1"
        "CONN_MAX_AGE": None,
    }
}
