import environ

env = environ.Env()

# django-environ reads CONN_MAX_AGE from the URL's query.
DATABASES = {"default": env.db()}
