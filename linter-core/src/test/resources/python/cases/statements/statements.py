"""Module docstring."""
import os

# expect: A = 1
# expect: B = 1
# expect-assigned: B 7:5
A = B = 1
# expect: ANNOTATED = 30
# expect-assigned: ANNOTATED 10:1
ANNOTATED: int = 30
ONLY_ANNOTATION: str
# expect: ONLY_ANNOTATION = <absent>
# expect: X = 11
X = 10
X += 1
# expect: NAMES = ['a', 'b', 'c']
NAMES = ["a"]
NAMES += ["b"]
NAMES.append("c")
# expect: SHARED = ['a', 'b', 'c']
SHARED = NAMES
# expect: SECOND = 'two'
FIRST, SECOND = 1, "two"
# expect: LEFT = unknown(`ralph_env` is not defined in statements.py or the modules it imports (NameError if this line runs))
[LEFT, RIGHT] = ralph_env()
# expect: STAR_A = unknown(`STAR_A, *STAR_B` is unpacked from a value that is not known element by element)
STAR_A, *STAR_B = [1, 2, 3]

# expect: DATABASES.default.CONN_MAX_AGE = 60 @ 31:40
DATABASES = {"default": {"NAME": "app"}}
DATABASES["default"]["CONN_MAX_AGE"] = 60
# expect: DATABASES.default.OPTIONS = {'charset': 'utf8mb4'}
DATABASES["default"].update({"OPTIONS": {"charset": "utf8mb4"}})
# expect: DATABASES.replica = {'NAME': 'app', 'CONN_MAX_AGE': 60, 'OPTIONS': {'charset': 'utf8mb4'}, 'HOST': 'replica'}
DATABASES.update(replica=dict(DATABASES["default"], HOST="replica"))
# expect: DATABASES.default.ATOMIC_REQUESTS = True
DATABASES["default"].setdefault("ATOMIC_REQUESTS", True)
DATABASES["default"].setdefault("CONN_MAX_AGE", 0)
# expect: DATABASES.default.TEST = <absent>
DATABASES["default"]["TEST"] = {}
del DATABASES["default"]["TEST"]
# expect: LIST_ITEM = [1, 'two']
LIST_ITEM = [1, 2]
LIST_ITEM[-1] = "two"

# expect: helper = <function>
# expect-assigned: helper 49:5
@decorator(1)
def helper(x, *args, y: int = 2, **kwargs) -> int:
    global X
    X = 1000
    return x

# expect: Settings = <class>
class Settings(object, metaclass=Meta):
    CONN_MAX_AGE = 9999

    def method(self):
        pass

# expect: X_AFTER_DEF = 11
X_AFTER_DEF = X
# expect: CALLED = unknown(the result of `helper(1)`, a function defined in the settings, is not evaluated)
CALLED = helper(1)
# expect: INSTANCE = unknown(`Settings()` creates an instance of a class defined in the settings, which is not modelled)
INSTANCE = Settings()

pass
assert X_AFTER_DEF == 11, "message"
del FIRST
# expect: FIRST = <absent>
return

# expect: WITH_TARGET = unknown(bound by `with open("f") as ...`, which is not evaluated)
with open("f") as WITH_TARGET, lock:
    # expect: INSIDE_WITH = 'read'
    INSIDE_WITH = "read"
if True: SAME_LINE = 1; OTHER = 2
# expect: SAME_LINE = 1
# expect: OTHER = 2

POOLS = {"default": {}, "replica": {}}
# expect: LOOPED = unknown(assigned in a loop (`for name in NAMES` at line 84))
for name in NAMES:
    LOOPED = name
    POOLS["default"]["LOOP_SEEN"] = True
else:
    # expect: FOR_ELSE = True
    FOR_ELSE = True
# expect: POOLS.default.LOOP_SEEN = True
# expect: name = unknown(assigned in a loop (`for name in NAMES` at line 84))
for alias in POOLS:
    POOLS[alias]["CONN_HEALTH_CHECKS"] = True
# expect: POOLS.default.CONN_HEALTH_CHECKS = True
# expect: POOLS.replica.CONN_HEALTH_CHECKS = True
for db in POOLS.values():
    db["CONN_MAX_AGE"] = 120
# expect: POOLS.replica.CONN_MAX_AGE = 120
# expect: POOLS.default.CONN_MAX_AGE = 120
for never in []:
    NEVER = 1
# expect: NEVER = <absent>
# expect-note: is read as if it ran once or not at all
for queue, options in QUEUES.items():
    # expect-note: is not followed
    QUEUES[queue] = 1
    UNKNOWN_LOOP = 1
QUEUES_KNOWN = {"default": {}, "pdf": {"TIMEOUT": 3600}}
for queue_name, options in QUEUES_KNOWN.items():
    options["QUEUE"] = queue_name
# A loop is read once with its variable standing for any item, so values of different items are
# not paired up: each dict gets "one of the keys".
# expect: QUEUES_KNOWN.pdf = {'TIMEOUT': 3600, 'QUEUE': choice(for queue_name, options in QUEUES_KNOWN.items(), 'default', 'pdf')}
# expect: UNKNOWN_LOOP = unknown(assigned in a loop (`for queue, options in QUEUES.items()` at line 104))
while False:
    IN_WHILE = 1
# expect: IN_WHILE = <absent>
while True:
    WHILE_TRUE = 1
    break
# expect: WHILE_TRUE = unknown(assigned in a loop (`while True` at line 118))

# Calls with unpacked arguments are not followed.
import dj_database_url
ARGS = ["mysql://h/d"]
# expect: UNPACKED = unknown(`dj_database_url.parse(*ARGS)` is not evaluated: arguments unpacked with * or ** are not modelled)
UNPACKED = dj_database_url.parse(*ARGS)
OPTIONS = {"conn_max_age": 60}
# expect-note: `POOLS.update(**OPTIONS)` is not followed: arguments unpacked with * or ** are not modelled
POOLS.update(**OPTIONS)


async def handler():
    await something()
    yield 1

# expect: handler = <function>
try:
    # expect: IN_TRY = 1
    IN_TRY = 1
finally:
    # expect: IN_FINALLY = 2
    IN_FINALLY = 2
