// A realistic system with no connection problems: the build passes with failOn=warning, and every
// report says 0 errors and 0 warnings (a finding here is a false positive of some rule).
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert log =~ /\[INFO\] connlint: 0 errors, 0 warnings, \d+ info \(1 server, 2 pools\)/

def json = new JsonSlurper().parse(new File(basedir, 'target/connlint/connlint.json'))
assert json.summary.error == 0
assert json.summary.warning == 0
def loud = json.findings.findAll { it.severity != 'info' }
assert loud.isEmpty() : "false positives: ${loud.collect { it.ruleId + ' ' + it.message }}"

def sarif = new JsonSlurper().parse(new File(basedir, 'target/connlint/connlint.sarif'))
assert sarif.runs[0].results.findAll { it.level in ['error', 'warning'] }.isEmpty()

return true
