// The baseline gate: fail on a finding, accept it, pass, fail on a new finding only, then see the old one gone.
def log = new File(basedir, 'build.log').getText('UTF-8')

// 1. without a baseline, CL101 fails the build
assert log.contains('[ERROR] src/main/resources/hikari.properties:2:1: error CL101 pool-budget-exceeded: ')

// 2. the baseline goal writes it, keyed by fingerprint
assert log.contains('[INFO] connlint: wrote 1 finding to connlint-baseline.json; check with -Dconnlint.baseline=connlint-baseline.json')
def baseline = new File(basedir, 'connlint-baseline.json').getText('UTF-8')
assert baseline =~ /"fingerprint"\s*:\s*"[0-9a-f]{32}"/
assert baseline =~ /"ruleId"\s*:\s*"CL101"/

// 3. and 4. the baselined finding is counted, not reported
assert log.count('[INFO] connlint: baseline connlint-baseline.json: 1 finding baselined, 0 gone') == 2
assert log.contains('[INFO] connlint: 0 errors, 0 warnings, 0 info (1 server, 1 pool)')

// 4. the new finding fails the build, as a log line and as an annotation that starts its line
assert log.contains('[ERROR] billing/hikari.properties:1:1: error CL303 pool-lifetime-exceeds-wait-timeout: ')
assert log =~ /(?m)^::error file=billing\/hikari\.properties,line=1,col=1,title=CL303 pool-lifetime-exceeds-wait-timeout::pool billing keeps connections/
assert !(log =~ /(?m)^::error .*CL101/)
assert !(log =~ /\[ERROR\] ::error/)
assert log.contains('[INFO] connlint: 1 error, 0 warnings, 0 info (1 server, 2 pools)')
assert log.contains('connlint: 1 finding at or above error; see target/connlint/connlint.github.txt')
assert new File(basedir, 'target/connlint/connlint.github.txt').text.startsWith('::error file=billing/hikari.properties,line=1,col=1,')

// 5. fixed: the baselined finding is gone, and named
assert log.contains('[INFO] connlint: baseline connlint-baseline.json: 0 findings baselined, 1 gone (fixed; rewrite the baseline to drop it)')
assert log.contains('[INFO]     gone: src/main/resources/hikari.properties:2: CL101 the pools of orders can open 250 connections')
assert log.count('[INFO] connlint: 0 errors, 0 warnings, 0 info (1 server, 1 pool)') == 2 // 3. and 5.
assert new File(basedir, 'target/connlint/connlint.sarif').text =~ /"results"\s*:\s*\[\s*\]/

assert log.count('BUILD FAILURE') == 2
assert log.count('BUILD SUCCESS') == 3

return true
