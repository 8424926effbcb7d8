from .exports import *
# expect: EXPORTED = 1
# expect: HIDDEN = <absent>
