# expect: BEFORE = 1
BEFORE = 1
# expect-problem: 8 unterminated triple-quoted string literal (detected at line 5)
TEXT = """never closed
AFTER = 2
