# A relative import may not climb out of the project.
# expect-note: not found
from ....etc import passwd
# expect: passwd = unknown(module ....etc is not found (....etc (outside the project) does not exist))
