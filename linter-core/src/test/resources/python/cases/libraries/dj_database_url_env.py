# dj-database-url with DATABASE_URL set (dj_database_url/__init__.py, jazzband/dj-database-url).
# env: DATABASE_URL=mysql://orders:p%40ss@DB.internal:3307/orders?connect_timeout=5&ssl-ca=/etc/ca.pem&autocommit=true&charset=utf8mb4
# env: REPLICA_URL=mysql-connector://ro@replica/orders
# env: GIS_URL=mysqlgis://gis/maps
# env: PG_URL=postgres://u@pg/app?currentSchema=tenant
# env: ORACLE_URL=oracle://u:p@ora:1521/xe
import dj_database_url
import dj_database_url as dburl
from dj_database_url import config, parse as parse_url

DATABASES = {"default": dj_database_url.config(conn_max_age=600, conn_health_checks=True)}
# expect: DATABASES.default = {'NAME': 'orders', 'USER': 'orders', 'PASSWORD': 'p@ss', 'HOST': 'db.internal', 'PORT': 3307, 'CONN_MAX_AGE': 600, 'CONN_HEALTH_CHECKS': True, 'DISABLE_SERVER_SIDE_CURSORS': False, 'ENGINE': 'django.db.backends.mysql', 'OPTIONS': {'connect_timeout': 5, 'ssl': {'ca': '/etc/ca.pem'}, 'autocommit': True, 'charset': 'utf8mb4'}}
# expect: DATABASES.default.CONN_MAX_AGE = 600 @ 11:61
# expect: DATABASES.default.PORT = 3307 @ 11:25

# expect: REPLICA = {'NAME': 'orders', 'USER': 'ro', 'PASSWORD': '', 'HOST': 'replica', 'PORT': '', 'CONN_MAX_AGE': 0, 'CONN_HEALTH_CHECKS': False, 'DISABLE_SERVER_SIDE_CURSORS': False, 'ENGINE': 'mysql.connector.django'}
REPLICA = dburl.config("REPLICA_URL")
# expect: GIS.ENGINE = 'django.contrib.gis.db.backends.mysql'
GIS = config(env="GIS_URL", conn_max_age=None)
# expect: GIS.CONN_MAX_AGE = None
# expect: PG.ENGINE = 'django.db.backends.postgresql'
# expect: PG.OPTIONS = {'sslmode': 'require', 'options': '-c search_path=tenant'}
PG = config("PG_URL", ssl_require=True)
# expect: ORACLE.PORT = '1521'
ORACLE = config("ORACLE_URL")
# expect: PARSED = {'NAME': 'app', 'USER': 'u', 'PASSWORD': '', 'HOST': 'h', 'PORT': 3306, 'CONN_MAX_AGE': 30, 'CONN_HEALTH_CHECKS': False, 'DISABLE_SERVER_SIDE_CURSORS': False, 'ENGINE': 'custom.backend'}
PARSED = parse_url("mysql2://u@h:3306/app", engine="custom.backend", conn_max_age=30)
# expect: SQLITE = {'NAME': '/var/db.sqlite3', 'USER': '', 'PASSWORD': '', 'HOST': '', 'PORT': '', 'CONN_MAX_AGE': 0, 'CONN_HEALTH_CHECKS': False, 'DISABLE_SERVER_SIDE_CURSORS': False, 'ENGINE': 'django.db.backends.sqlite3'}
SQLITE = dj_database_url.parse("sqlite:////var/db.sqlite3")
# expect: MEMORY = {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}
MEMORY = dj_database_url.parse("sqlite://:memory:")
# expect: UNSUPPORTED = unknown(dj-database-url does not support the scheme 'foo' (ValueError when the settings load))
UNSUPPORTED = dj_database_url.parse("foo://x/y")
# expect: BAD_PORT = unknown(the database URL's port is not valid (ValueError: Port could not be cast to integer value as 'abc'))
BAD_PORT = dj_database_url.parse("mysql://h:abc/db")
# expect: POSITIONAL = {'NAME': 'd', 'USER': '', 'PASSWORD': '', 'HOST': 'h', 'PORT': '', 'CONN_MAX_AGE': 10, 'CONN_HEALTH_CHECKS': True, 'DISABLE_SERVER_SIDE_CURSORS': False, 'ENGINE': 'django.db.backends.mysql'}
POSITIONAL = dj_database_url.parse("mysql://h/d", None, 10, True)
