import multiprocessing
import os

bind = "0.0.0.0:8000"
workers = int(os.environ.get("WEB_CONCURRENCY", 4))
worker_class = "gthread"
threads = 2
timeout = 30
graceful_timeout = 30
accesslog = "-"
