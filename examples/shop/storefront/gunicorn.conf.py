# gunicorn for the storefront (Django)
bind = "0.0.0.0:8000"
workers = 3
threads = 4
timeout = 30
