from .base import *  # noqa: F401,F403

# A read replica beside the primary: two MySQL aliases, so two connections per thread.
DATABASES.update(
    replica={
        "ENGINE": "django.db.backends.mysql",
        "NAME": "shop",
        "USER": "reader",
        "HOST": "db-replica.internal",
        "PORT": "3306",
        "CONN_MAX_AGE": None,
        "CONN_HEALTH_CHECKS": True,
    },
)
# update() replaces the whole "default" entry: nothing of base.py's "default" is kept (no USER, no PORT).
DATABASES.update({
    "default": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": "shop",
        "HOST": "db-primary.internal",
        "CONN_MAX_AGE": 30,
    },
})
