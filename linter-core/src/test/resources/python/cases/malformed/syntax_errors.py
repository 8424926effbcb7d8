# Each bad statement gives one problem; reading resumes at the next statement.
# expect: BEFORE = 1
BEFORE = 1
# expect-problem: 13 invalid Python syntax: expected an expression, found the end of the line
INCOMPLETE =
# expect-problem: 12 unterminated string literal (detected at line 7)
UNCLOSED = "abc
# expect: AFTER_STRING = 2
AFTER_STRING = 2
# expect-problem: 10 invalid Python syntax: expected ':' after the 'if' statement
if x == 1
    SKIPPED_BODY = 1
# expect: SKIPPED_BODY = <absent>
# expect: AFTER_IF = 3
AFTER_IF = 3
# expect-problem: 5 unexpected indent
    INDENTED = 4
    ALSO_INDENTED = 5
# expect: INDENTED = <absent>
# expect: AFTER_INDENT = 6
AFTER_INDENT = 6
if True:
        DEEP = 7
# expect-problem: 5 unindent does not match any outer indentation level
    SHALLOW = 8
# expect: DEEP = 7
# expect: SHALLOW = <absent>
# expect-problem: 1 cannot assign to a literal
1 = x
# expect-problem: 7 invalid Python syntax: expected the end of the statement, found a string
print "python 2"
# expect-problem: 10 invalid character '$' (U+0024)
DOLLAR = $HOME
# expect-problem: 11 invalid decimal literal
BAD_NUM = 12abc
# expect-problem: 11 leading zeros in decimal integer literals are not permitted
OCTAL_2 = 0777
# expect-problem: 11 (unicode error) truncated \xXX escape
BAD_ESC = "\x4"
# expect-problem: 1 'else' without a matching 'if' before it
else:
    IN_ORPHAN_ELSE = 1
# expect: IN_ORPHAN_ELSE = <absent>
# expect-problem: 14 closing parenthesis ']' does not match opening parenthesis '('
MISMATCH = (1]
# expect-problem: 1 unmatched ')'
)
if True:
# expect-problem: 1 expected an indented block after the 'if' statement on line 48
NOT_INDENTED = 9
# expect: NOT_INDENTED = 9
# expect: LAST = 10
LAST = 10
# expect-problem: 15 '(' was never closed
UNCLOSED = foo(1,
    2,
# expect: RESUMED = 11
RESUMED = 11
