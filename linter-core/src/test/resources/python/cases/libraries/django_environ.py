# django-environ (environ/environ.py, joke2k/django-environ).
# env: DATABASE_URL=mysql://app:secret@db:3306/app?conn_max_age=600&CONN_HEALTH_CHECKS=True&connect_timeout=10&init_command=SET%20x%3D1
# env: DEBUG=off
# env: WORKERS=4
# env: HOSTS=a.example,b.example
# env: PROXIED=$WORKERS
# env: TIMEOUT=1.234,5
import environ

env = environ.Env(DEBUG=(bool, True), CACHE_TTL=(int, 300), NAMES=list)
# expect-note: `environ.Env.read_env()` is not followed
environ.Env.read_env()
# expect-note: is not followed: connlint takes environment variables only from the app's env in connlint.yml
env.read_env(".env")

# expect: DATABASES.default = {'NAME': 'app', 'USER': 'app', 'PASSWORD': 'secret', 'HOST': 'db', 'PORT': 3306, 'CONN_MAX_AGE': 600, 'CONN_HEALTH_CHECKS': True, 'OPTIONS': {'connect_timeout': 10, 'init_command': 'SET x=1'}, 'ENGINE': 'django.db.backends.mysql'}
DATABASES = {"default": env.db()}
# expect: OTHER.CONN_MAX_AGE = None
# expect: OTHER.ENGINE = 'django.db.backends.mysql'
OTHER = env.db_url("OTHER_URL", default="mysql2://u@h/d?conn_max_age=None")
# expect: NO_PARAMS = {'NAME': 'd', 'USER': 'u', 'PASSWORD': '', 'HOST': 'h', 'PORT': '', 'ENGINE': 'django.db.backends.mysql'}
NO_PARAMS = env.db("NO_PARAMS_URL", default="mysql://u@h/d")
# expect: UNSET.HOST = unknown(environment variable UNSET_URL has no value or default)
# expect: UNSET.CONN_MAX_AGE = unknown(django-environ takes it from the URL's query string, and the URL is not known: environment variable UNSET_URL has no value or default)
UNSET = env.db("UNSET_URL")

# expect: DEBUG = False
DEBUG = env("DEBUG")
# expect: CACHE_TTL = 300
CACHE_TTL = env("CACHE_TTL")
# expect: WORKERS = 4
WORKERS = env.int("WORKERS", default=2)
# expect: WORKERS_DEFAULT = 2 @ 34:46
WORKERS_DEFAULT = env.int("MISSING", default=2)
# expect: SMART_CAST = 4
SMART_CAST = env("WORKERS", default=1)
# expect: STRING = '4'
STRING = env("WORKERS")
# expect: BOOL_CAST = True
BOOL_CAST = env.bool("WORKERS")
# expect: HOSTS = ['a.example', 'b.example']
HOSTS = env.list("HOSTS")
# expect: HOSTS_DEFAULT = ['x']
HOSTS_DEFAULT = env.list("NO_HOSTS", default=["x"])
# expect: PROXIED = 4
PROXIED = env.int("PROXIED")
# expect: TIMEOUT = 1234.5
TIMEOUT = env.float("TIMEOUT")
# expect: CAST_KEYWORD = 4
CAST_KEYWORD = env("WORKERS", cast=int)
# expect: REQUIRED = unknown(environment variable SECRET_KEY has no value or default)
REQUIRED = env("SECRET_KEY")
# expect: NONE_DEFAULT = None
NONE_DEFAULT = env("NOTHING", default=None)
env.prefix = "DJANGO_"
# expect: PREFIXED = unknown(environment variable DJANGO_WORKERS has no value or default)
PREFIXED = env.int("WORKERS")
