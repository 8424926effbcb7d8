from .cycle_b import *
# expect: FROM_B = 'b'
# expect: A = 'a'
A = "a"
