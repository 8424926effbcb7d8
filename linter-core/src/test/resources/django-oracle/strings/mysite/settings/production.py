DB_HOST = ("db-"
           "primary"
           ".internal")
DB_NAME = r"shop"
DB_NAME += "_prod"
MAX_AGE = 30
MAX_AGE *= 2
MAX_AGE += 15

DATABASES = {
    "default": {
        "ENGINE": "django.db." "backends." 'mysql',
        "NAME": DB_NAME,
        "USER": r'app' "_rw",
        "HOST": DB_HOST,
        "PORT": "33" + "06",
        "CONN_MAX_AGE": MAX_AGE,
        # A string, as seen in public settings files: Django tests its truth, and "False" is true.
        "CONN_HEALTH_CHECKS": "False",
    }
}
