// mvn site includes the connlint page: the budget drawn, its overflow and the finding behind it.
def page = new File(basedir, 'target/site/connlint.html')
assert page.isFile() : 'no connlint page in target/site'
def html = page.getText('UTF-8')

assert html.contains('connlint: connection budget')
// the bar: the pool's share, the limit and the overflow (250 - 151 = 99)
assert html.contains('<title>orders 6×1×40 = 240</title>')
assert html.contains('>max_connections 151</text>')
assert html.contains('>overflow 99 over max_connections</text>')
assert html.contains('<rect class="overflow"')
// the finding, linked to its rule page, with its arithmetic
assert html.contains('href="https://connlint.io/rules/CL101-pool-budget-exceeded"')
assert html.contains('orders: 6 instances × 1 process × maximumPoolSize 40 = 240')

// the site's Project Reports page links it
def index = new File(basedir, 'target/site/project-reports.html')
assert index.isFile()
assert index.getText('UTF-8').contains('connlint.html')

// a report never fails the build: the page is there although the budget is exceeded
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
return true
