// The aggregator declares no plugin and is built last; orders runs the goal first and checks the
// whole reactor from the top; billing runs it too (--fail-at-end) but does not check again.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.count(' error CL101 pool-budget-exceeded: ') == 1
assert log.contains('[ERROR]     orders: 4 instances × 1 process × maximumPoolSize 30 = 120')
assert log.contains('[ERROR]     billing: 4 instances × 1 process × maximumPoolSize 30 = 120')
assert log =~ /check \(default\) @ billing ---/
assert log =~ /billing \.+ SUCCESS/
assert log.contains('on project orders: connlint: 1 finding at or above error; see orders/target/connlint/connlint.txt')

assert new File(basedir, 'orders/target/connlint/connlint.sarif').isFile()
assert !new File(basedir, 'billing/target/connlint').exists()

return true
