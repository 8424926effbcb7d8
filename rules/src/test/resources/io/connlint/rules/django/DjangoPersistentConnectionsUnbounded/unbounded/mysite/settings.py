import dj_database_url

DATABASES = {
    # expect: CL601 error "CONN_MAX_AGE = None: each of the 32 threads of every web instance keeps its connection forever"
    "default": dj_database_url.parse("mysql://app@db.internal/shop", conn_max_age=None),
}
