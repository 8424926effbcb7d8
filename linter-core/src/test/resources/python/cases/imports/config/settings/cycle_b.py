# expect-problem: 1 import cycle: config/settings/cycle_a.py → config/settings/cycle_b.py → config/settings/cycle_a.py; the import is not followed
from .cycle_a import A
FROM_B = "b"
