# dj-database-url when DATABASE_URL is not in the app's env: the production case is modelled
# (the deployment sets it), so the connection fields are unknown and the pool fields known.
import os
import dj_database_url

DATABASES = {
    "default": dj_database_url.config(conn_max_age=500, conn_health_checks=True, ssl_require=True),
}
# expect: DATABASES.default.ENGINE = unknown(environment variable DATABASE_URL has no value or default)
# expect: DATABASES.default.HOST = unknown(environment variable DATABASE_URL has no value or default)
# expect: DATABASES.default.CONN_MAX_AGE = 500 @ 7:52
# expect: DATABASES.default.CONN_HEALTH_CHECKS = True
# expect: DATABASES.default.OPTIONS = unknown(the query parameters of the URL are not known: environment variable DATABASE_URL has no value or default)

# The default URL applies when the variable is not set.
# expect: WITH_DEFAULT.HOST = 'localhost'
# expect: WITH_DEFAULT.CONN_MAX_AGE = 0
WITH_DEFAULT = dj_database_url.config(default="mysql://root@localhost/dev")
# An engine given by keyword is known even when the URL is not.
# expect: WITH_ENGINE.ENGINE = 'django.db.backends.mysql'
WITH_ENGINE = dj_database_url.config(engine="django.db.backends.mysql", conn_max_age=None)
# expect: WITH_ENGINE.CONN_MAX_AGE = None
# The default itself from the environment.
# expect: FROM_GETENV.NAME = unknown(environment variable DATABASE_URL has no value or default)
FROM_GETENV = dj_database_url.config(default=os.environ.get("DATABASE_URL"), conn_max_age=600)
# expect: FROM_GETENV.CONN_MAX_AGE = 600
