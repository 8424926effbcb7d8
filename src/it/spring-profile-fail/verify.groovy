// The prod profile's pool size breaks the budget: CL101 points at application-prod.yml's maximum-pool-size line.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('[ERROR] src/main/resources/application-prod.yml:4:26: error CL101 pool-budget-exceeded: '
        + 'the pools of orders can open 205 connections to server main, which accepts max_connections = 151')
assert log.contains('[ERROR]     orders: 8 instances × 1 process × maximumPoolSize 25 = 200')
assert log.contains('[ERROR]     help: set maximumPoolSize of orders to at most 18')
assert !log.contains('CL303')
assert !log.contains('at io.connlint')
return true
