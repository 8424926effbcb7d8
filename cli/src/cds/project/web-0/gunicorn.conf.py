# gunicorn for web-0
bind = "0.0.0.0:8000"
workers = 2
threads = 1
timeout = 30
