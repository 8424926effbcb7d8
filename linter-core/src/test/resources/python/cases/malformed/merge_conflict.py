# expect-problem: 1 not Python: a merge conflict marker '<<<<<<<'
<<<<<<< HEAD
CONN_MAX_AGE = 60
# expect-problem: 1 not Python: a merge conflict marker '======='
=======
CONN_MAX_AGE = 600
# expect-problem: 1 not Python: a merge conflict marker '>>>>>>>'
>>>>>>> feature
# expect: CONN_MAX_AGE = 600
