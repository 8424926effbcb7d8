# The shop's MySQL database and an analytics PostgreSQL database: only the first is in a MySQL budget.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": "shop",
        "USER": "app",
        "HOST": "db.internal",
        "PORT": "3306",
        "CONN_MAX_AGE": 300,
    },
    "analytics": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "analytics",
        "USER": "reporter",
        "HOST": "pg.internal",
        "PORT": "5432",
        "CONN_MAX_AGE": 600,
    },
}
DATABASE_ROUTERS = ["mysite.routers.AnalyticsRouter"]
