// A finding suppressed with a reason passes the build, and no CL902 complains about the suppression.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert !log.contains('CL101')
assert !log.contains('CL902')
assert log.contains('[INFO] connlint: 0 errors, 0 warnings, 0 info (1 server, 1 pool)')
assert log.contains('BUILD SUCCESS')
assert !(new File(basedir, 'target/connlint/connlint.sarif').text =~ /"ruleId"\s*:\s*"CL101"/)

return true
