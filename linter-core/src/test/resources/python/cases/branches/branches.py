# Branches: a known condition takes its branch; an unknown one is read both ways.
# env: DB=mysql
import os

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}
if os.environ.get("DB") == "postgres":
    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql"}}
elif os.environ.get("DB") == "mysql":
    DATABASES = {"default": {"ENGINE": "django.db.backends.mysql", "CONN_MAX_AGE": 300}}
else:
    DATABASES = {}
# expect: DATABASES.default.ENGINE = 'django.db.backends.mysql'
# expect: DATABASES.default.CONN_MAX_AGE = 300

IS_PRODUCTION = "DYNO" in os.environ
# expect-note: both branches of `if IS_PRODUCTION` considered (the condition is unknown: whether environment variable DYNO is set is not known
if IS_PRODUCTION:
    CACHE = {"default": {"TIMEOUT": 600}}
    ONLY_THEN = 1
    SAME = "same"
else:
    CACHE = {"default": {"TIMEOUT": 60}}
    SAME = "same"
# expect: CACHE.default.TIMEOUT = choice(IS_PRODUCTION, 600, 60)
# expect: ONLY_THEN = choice(IS_PRODUCTION, 1, unknown(`ONLY_THEN` is not assigned when `IS_PRODUCTION` is false))
# expect: SAME = 'same'

# An unknown condition that mutates a dict shared with another name: the merge is in place.
POOL = {"CONN_MAX_AGE": 0, "HOST": "db"}
ALIAS = POOL
# expect-note: both branches of `if not os.environ.get("DEBUG_POOL")` considered
if not os.environ.get("DEBUG_POOL"):
    POOL["CONN_MAX_AGE"] = 600
# expect: POOL = {'CONN_MAX_AGE': choice(not os.environ.get("DEBUG_POOL"), 600, 0), 'HOST': 'db'}
# expect: ALIAS.CONN_MAX_AGE = choice(not os.environ.get("DEBUG_POOL"), 600, 0)

# A key added in one branch only: the dict differs in shape, so the dict itself is a choice.
SETTINGS = {"default": {"NAME": "x"}}
# expect-note: both branches of `if os.getenv("HEALTH")` considered
if os.getenv("HEALTH"):
    SETTINGS["default"]["CONN_HEALTH_CHECKS"] = True
# expect: SETTINGS.default.CONN_HEALTH_CHECKS = choice(os.getenv("HEALTH"), True, <absent>)
# expect: SETTINGS.default.NAME = choice(os.getenv("HEALTH"), 'x', 'x')

# Later operations apply to each alternative.
SETTINGS["default"]["CONN_MAX_AGE"] = 60
# expect: SETTINGS.default.CONN_MAX_AGE = choice(os.getenv("HEALTH"), 60, 60)

# Nested elif chains nest the choices.
# expect-note: both branches of `if os.getenv("TIER") == "large"` considered
if os.getenv("TIER") == "large":
    WORKERS = 16
# expect-note: both branches of `elif os.getenv("TIER") == "medium"` considered
elif os.getenv("TIER") == "medium":
    WORKERS = 8
else:
    WORKERS = 2
# expect: WORKERS = choice(os.getenv("TIER") == "large", 16, choice(os.getenv("TIER") == "medium", 8, 2))
# expect: DOUBLED = choice(os.getenv("TIER") == "large", 32, choice(os.getenv("TIER") == "medium", 16, 4))
DOUBLED = WORKERS * 2

# A conditional expression with an unknown condition.
# expect: TIMEOUT = choice(os.getenv("SLOW"), 30, 5)
TIMEOUT = 30 if os.getenv("SLOW") else 5

# A branch that raises is not taken.
# expect-note: both branches of `if not os.getenv("SECRET_KEY")` considered
# expect-note: the branch where `not os.getenv("SECRET_KEY")` is true raises an exception; only the other branch is read on
if not os.getenv("SECRET_KEY"):
    # expect-note: raises an exception when this line runs
    raise ImproperlyConfigured("SECRET_KEY")
    NEVER = 1
else:
    SECRET_KEY = "from env"
# expect: SECRET_KEY = 'from env'
# expect: NEVER = <absent>

# An unknown condition wrapping an `and`.
# expect: BOTH = choice(os.getenv("A"), unknown(environment variable B has no value or default), unknown(environment variable A has no value or default))
BOTH = os.getenv("A") and os.getenv("B")
# expect: EITHER = choice(os.getenv("A"), unknown(environment variable A has no value or default), 'default')
EITHER = os.getenv("A") or "default"

# Methods called on alternatives apply to each alternative.
# expect-note: both branches of `if os.getenv("REPLICA")` considered
if os.getenv("REPLICA"):
    TARGET = {"HOST": "replica"}
else:
    TARGET = {"HOST": "primary", "PORT": 3306}
TARGET.update({"CONN_MAX_AGE": 30})
# expect: TARGET.CONN_MAX_AGE = choice(os.getenv("REPLICA"), 30, 30)
# expect: TARGET_HOST = choice(os.getenv("REPLICA"), 'replica', 'primary')
TARGET_HOST = TARGET.get("HOST")
# expect: TARGET_PORT = choice(os.getenv("REPLICA"), None, 3306)
TARGET_PORT = TARGET.get("PORT")
# expect: UPPER = choice(os.getenv("REPLICA"), 'REPLICA', 'PRIMARY')
UPPER = TARGET_HOST.upper()
# A dict updated with alternatives gets a choice per key.
MERGED = {"NAME": "app"}
MERGED.update(TARGET)
# expect: MERGED = {'NAME': 'app', 'HOST': choice(os.getenv("REPLICA"), 'replica', 'primary'), 'CONN_MAX_AGE': 30, 'PORT': choice(os.getenv("REPLICA"), unknown(`PORT` is not set in this alternative of `MERGED.update(TARGET)`), 3306)}
