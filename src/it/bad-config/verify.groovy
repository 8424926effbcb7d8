// Bad input is findings with file:line:col, and a clean build failure: no stack trace.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains("[ERROR] connlint.yml:9:5: error CL901 connlint-config-invalid: unknown key 'instancess' under apps.orders; did you mean 'instances'?")
assert log.contains("[ERROR] db/my.cnf:1:1: error CL504 invalid-option-value: wrong group definition")
assert log.contains('[INFO] connlint: 2 errors, 0 warnings, 1 info (1 server, 1 pool)')
assert log.contains('on project bad-config: connlint: 2 findings at or above error; see target/connlint/connlint.txt')

assert !log.contains('at io.connlint')
assert !log.contains('Exception in thread')
assert !(log =~ /(?m)^\s+at [\w.$]+ ?\(/)

return true
