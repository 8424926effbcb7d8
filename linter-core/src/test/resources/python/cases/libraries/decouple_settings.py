# python-decouple (decouple.py, HBNetwork/python-decouple); .env and settings.ini are not read.
# env: CONN_MAX_AGE=120
# env: DEBUG=yes
# env: HOSTS=a, b ,c
from decouple import config, Csv

# expect: CONN_MAX_AGE = 120
CONN_MAX_AGE = config("CONN_MAX_AGE", default=60, cast=int)
# expect: DEFAULTED = 60
DEFAULTED = config("NOT_SET", default="60", cast=int)
# expect: DEBUG = True
DEBUG = config("DEBUG", default=False, cast=bool)
# expect: DEBUG_DEFAULT = False
DEBUG_DEFAULT = config("NO_DEBUG", default=False, cast=bool)
# expect: HOSTS = ['a', 'b', 'c']
HOSTS = config("HOSTS", cast=Csv())
# expect: REQUIRED = unknown(environment variable SECRET_KEY has no value or default (python-decouple's .env and settings.ini are not read))
REQUIRED = config("SECRET_KEY")
# expect: BAD_BOOL = unknown(`config("HOSTS", cast=bool)` raises ValueError (not a boolean: 'a, b ,c'))
BAD_BOOL = config("HOSTS", cast=bool)
