// Three builds of a reactor that does not fit: the first checks and keeps its outcome, the second
// repeats it (same findings, same failure, same reports), the third checks again on request.
def log = new File(basedir, 'build.log').getText('UTF-8')
def repeated = '[INFO] connlint: nothing the check reads has changed since the last build; its result follows (-Dconnlint.cache=false checks again)'
def headline = '[ERROR] billing/src/main/resources/hikari.properties:2:1: error CL101 pool-budget-exceeded: ' +
        'the pools of orders and billing can open 250 connections to server main, which accepts max_connections = 151'

assert log.count(repeated) == 1
assert log.count(headline) == 3
assert log.count('[ERROR]     total 250 > max_connections 151 (db/my.cnf:2:1)') == 3
assert log.count('on project up-to-date: connlint: 1 finding at or above error; see target/connlint/connlint.txt') == 3
assert log.count('BUILD FAILURE') == 3
// the repeat comes after the first build's check and before the third's
def first = log.indexOf(headline)
def repeat = log.indexOf(repeated)
assert first < repeat && repeat < log.lastIndexOf(headline)

// the third build, with the cache off, removed it; the reports are those of a check
assert !new File(basedir, 'target/connlint/check.cache').exists()
assert new File(basedir, 'target/connlint/connlint.sarif').text =~ /"ruleId"\s*:\s*"CL101"/
assert !new File(basedir, 'orders/target/connlint').exists()

return true
