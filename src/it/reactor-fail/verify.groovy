// Each module fits alone; the reactor does not. The budget is evaluated once, at the top, with
// both modules' apps in the arithmetic.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.count(' error CL101 pool-budget-exceeded: ') == 1
assert log.contains('[ERROR] billing/src/main/resources/hikari.properties:2:1: error CL101 pool-budget-exceeded: '
        + 'the pools of orders and billing can open 250 connections to server main, which accepts max_connections = 151')
assert log.contains('[ERROR]     orders: 4 instances × 1 process × maximumPoolSize 30 = 120')
assert log.contains('[ERROR]     billing: 4 instances × 1 process × maximumPoolSize 30 = 120')
assert log.contains('[ERROR]     total 250 > max_connections 151 (db/my.cnf:2:1)')
assert log.contains('on project reactor-fail: connlint: 1 finding at or above error; see target/connlint/connlint.txt')

assert new File(basedir, 'target/connlint/connlint.sarif').text =~ /"ruleId"\s*:\s*"CL101"/
assert !new File(basedir, 'orders/target/connlint').exists()
assert !new File(basedir, 'billing/target/connlint').exists()

return true
