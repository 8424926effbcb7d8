from .base import (
    DATABASES,
    CONN_MAX_AGE as AGE,  # a comment inside the list
)
from os.path import (join,)
# expect: AGE = 5
# expect: DATABASES.default.ENGINE = 'django.db.backends.mysql'
# expect: JOINED = 'a/b'
JOINED = join("a", "b")
