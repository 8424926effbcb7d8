# try/except: the except branch runs only when an import in the body fails.
# expect: DEBUG = False
DEBUG = True
try:
    # expect-note: local.py not found: the ImportError branch applies
    from .local import *
    DEBUG = "never"
except ImportError:
    DEBUG = False
else:
    ELSE_RAN = True
finally:
    FINALLY_RAN = True
# expect: ELSE_RAN = <absent>
# expect: FINALLY_RAN = True

try:
    # expect: PRESENT = 'from present'
    from .present import PRESENT
except ImportError:
    PRESENT = "fallback"
else:
    # expect: ELSE_AFTER_IMPORT = True
    ELSE_AFTER_IMPORT = True

try:
    VALUE = int("12")
except ValueError:
    VALUE = 0
# expect: VALUE = 12

try:
    # expect-note: missing_settings.py not found: the ImportError branch applies
    from .missing_settings import *
except (ModuleNotFoundError, KeyError) as error:
    FALLBACK = "yes"
# expect: FALLBACK = 'yes'
# expect: error = unknown(the ImportError)

# An absolute import of a module that is not in the project is taken as an installed library.
try:
    import sentry_sdk
except ImportError:
    sentry_sdk = None
# expect: sentry_sdk = <module sentry_sdk>

# outside a try, a missing module is a note and its names stay unknown
# expect-note: nowhere.py not found: `from .nowhere import NAME_FROM_NOWHERE` is not followed
from .nowhere import NAME_FROM_NOWHERE
# expect: NAME_FROM_NOWHERE = unknown(module .nowhere is not found (nowhere.py does not exist))
