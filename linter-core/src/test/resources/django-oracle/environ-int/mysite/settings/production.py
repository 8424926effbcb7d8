import environ

env = environ.Env(DEBUG=(bool, False))
DEBUG = env("DEBUG")

DATABASES = {"default": env.db("DATABASE_URL")}
# CONN_MAX_AGE is not in the environment: the default applies.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# "yes" is one of django-environ's true words.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("DB_HEALTH_CHECKS", default=False)
