# gunicorn.conf.py: module-level variables are the settings (gunicorn/config.py).
import multiprocessing

bind = "0.0.0.0:8000"
# expect: workers = unknown(multiprocessing.cpu_count() depends on the host's CPU count)
workers = multiprocessing.cpu_count() * 2 + 1
# expect: threads = 8
threads = 8
# expect: worker_class = 'gthread'
worker_class = "gthread"
# expect: worker_connections = 1000
worker_connections = 1000
# expect: timeout = 30
timeout = 30


def on_starting(server):
    server.log.info("starting")
