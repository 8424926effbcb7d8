// budget-fail's project with -Dconnlint.skip=true: nothing is checked, the build passes.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('[INFO] connlint: skipped (connlint.skip)')
assert !log.contains('CL101')
assert !new File(basedir, 'target/connlint').exists()

return true
