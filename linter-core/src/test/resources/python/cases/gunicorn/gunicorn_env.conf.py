# env: WEB_CONCURRENCY=6
import os
from multiprocessing import cpu_count

# expect: workers = 6
workers = int(os.environ.get("WEB_CONCURRENCY", 2))
# expect: threads = 2 @ 8:36
threads = int(os.getenv("THREADS", 2))
# expect: max_workers = unknown(multiprocessing.cpu_count() depends on the host's CPU count)
max_workers = cpu_count() + workers
# expect: worker_class = 'sync'
worker_class = os.environ.get("WORKER_CLASS", "sync")
