// 8 replicas fit max_connections 200; the 12 that run while a rolling deploy surges 50% do not.
// CL102 is an error, so the default failOn (error) fails the build (invoker.buildResult = failure);
// CL101 must not fire: the steady state fits.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('[ERROR] src/main/resources/hikari.properties:2:1: error CL102 pool-budget-exceeded-during-rollout: '
        + 'the pools of orders can open 250 connections to server main during a rolling deploy, '
        + 'which accepts max_connections = 200 (50 too many)')
assert log.contains('[ERROR]     orders: 12 instances (derived: 8 + maxSurge 50% (k8s/orders.yaml:10:17) = 12) '
        + '× 1 process × maximumPoolSize 20 = 240')
assert log.contains('[ERROR]     help: set maximumPoolSize of orders to at most 15')
assert !log.contains('CL101'), 'the steady state (8 × 20 + 10 = 170) fits max_connections 200'
assert log.contains('[INFO] connlint: 1 error, 0 warnings, 0 info (1 server, 1 pool)')
assert log.contains('connlint: 1 finding at or above error; see target/connlint/connlint.txt')
assert log.contains('BUILD FAILURE')

def sarif = new File(basedir, 'target/connlint/connlint.sarif')
assert sarif.isFile()
assert sarif.text =~ /"ruleId"\s*:\s*"CL102"/
assert !(sarif.text =~ /"ruleId"\s*:\s*"CL101"/)

return true
