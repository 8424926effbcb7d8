// Fits the budget: both the bound execution (`mvn verify`) and `mvn connlint:check`, resolved
// through the declared plugin's prefix, pass with a clean summary; `mvn connlint:help` documents
// the parameters with their user properties.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert !log.contains('CL101')
assert log =~ /(?s)connlint-maven-plugin:[^:]+:check \(default\) @ budget-pass ---\s+(?:\[INFO\] Download[^\n]*\n)*\[INFO\] connlint: 0 errors, 0 warnings, 0 info \(1 server, 1 pool\)/
// the second build may repeat the first one's outcome (nothing changed, unless the files are seconds old)
assert log =~ /(?s)connlint-maven-plugin:[^:]+:check \(default-cli\) @ budget-pass ---\s+(?:\[INFO\] connlint: nothing the check reads has changed[^\n]*\n)?\[INFO\] connlint: 0 errors, 0 warnings, 0 info \(1 server, 1 pool\)/
assert !log.contains('BUILD FAILURE')
assert new File(basedir, 'target/connlint/connlint.sarif').isFile()

['skip', 'failOn', 'formats', 'outputDirectory', 'configFile', 'baseline', 'cache'].each {
    assert log.contains("User property: connlint.${it}")
}

return true
