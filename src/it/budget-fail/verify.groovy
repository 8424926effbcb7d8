// One app over budget: the build fails on CL101, pointing at the pool file's maximumPoolSize line.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('[ERROR] src/main/resources/hikari.properties:2:1: error CL101 pool-budget-exceeded: '
        + 'the pools of orders can open 250 connections to server main, which accepts max_connections = 151')
assert log.contains('[ERROR]     orders: 6 instances × 1 process × maximumPoolSize 40 = 240')
assert log.contains('[ERROR]     help: set maximumPoolSize of orders to at most 23')
assert log.contains('[INFO] connlint: 1 error, 0 warnings, 0 info (1 server, 1 pool)')
assert log.contains('connlint: 1 finding at or above error; see target/connlint/connlint.txt')

def sarif = new File(basedir, 'target/connlint/connlint.sarif')
assert sarif.isFile()
assert sarif.text =~ /"ruleId"\s*:\s*"CL101"/
assert sarif.text.contains('src/main/resources/hikari.properties')
assert new File(basedir, 'target/connlint/connlint.txt').text.startsWith('src/main/resources/hikari.properties:2:1: error CL101')

return true
