import dj_database_url

DATABASES = {
    # expect: CL601 error "CONN_MAX_AGE = None: each of the 32 threads of every web instance keeps its connection forever" "set CONN_MAX_AGE = 119 (below wait_timeout 120 s of server main), and CONN_HEALTH_CHECKS = True"
    "default": dj_database_url.parse("mysql://app@db.internal/shop", conn_max_age=None),
}
