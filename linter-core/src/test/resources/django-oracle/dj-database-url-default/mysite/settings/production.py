import dj_database_url

# DATABASE_URL is not set where this runs: the default URL applies, and CONN_MAX_AGE is the keyword's default, 0.
DATABASES = {"default": dj_database_url.config(default="mysql://u:p@h:3307/db")}
