import os

import dj_database_url

# conn_max_age in the URL is not CONN_MAX_AGE: dj-database-url passes it on in OPTIONS.
DATABASES = {
    "default": dj_database_url.parse(os.environ["DB_URL"], conn_max_age=None),
}
