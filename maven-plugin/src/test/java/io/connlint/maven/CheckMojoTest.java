package io.connlint.maven;

import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Reporting;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

/**
 * The goal against a two-module reactor (src/test/resources/projects/reactor) whose apps each fit
 * max_connections alone but not together: 2 × 25 + 2 × 25 + reserved 10 = 110 > 100.
 */
@MojoTest
class CheckMojoTest {

    private static final String REACTOR = "/projects/reactor";

    private static final String CL101_HEADLINE = "billing/src/main/resources/hikari.properties:2:1: error CL101"
            + " pool-budget-exceeded: the pools of orders and billing can open 110 connections to server main,"
            + " which accepts max_connections = 100 (10 too many)";

    private static final Pattern RULE_ID_CL101 = Pattern.compile("\"ruleId\"\\s*:\\s*\"CL101\"");

    @TempDir
    Path target;

    private final CapturingLog log = new CapturingLog();
    private final List<MavenProject> reactor = new ArrayList<>();

    @Provides
    MavenProject rootProject() throws URISyntaxException {
        Path root = Path.of(getClass().getResource(REACTOR).toURI());
        reactor.add(project("reactor", root));
        reactor.add(project("orders", root.resolve("orders")));
        reactor.add(project("billing", root.resolve("billing")));
        return reactor.get(0);
    }

    @Provides
    MavenSession session() {
        MavenSession session = mock(MavenSession.class);
        lenient().when(session.getProjects()).thenReturn(reactor);
        lenient().when(session.getRepositorySession()).thenReturn(new DefaultRepositorySystemSession());
        lenient().when(session.getUserProperties()).thenReturn(new Properties());
        lenient().when(session.getSystemProperties()).thenReturn(new Properties());
        return session;
    }

    @Provides
    Log log() {
        return log;
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void budgetOverTheWholeReactorFailsTheBuild(CheckMojo mojo) throws Exception {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        // the reports are outside the project (in a temporary directory), so the path is absolute
        assertEquals("connlint: 1 finding at or above error; see " + reports().resolve("connlint.txt"), e.getMessage());
        assertEquals(CL101_HEADLINE, log.errors.get(0));
        assertTrue(log.errors.contains("    orders: 2 instances × 1 process × maximumPoolSize 25 = 50"), log.errors::toString);
        assertTrue(log.errors.contains("    billing: 2 instances × 1 process × maximumPoolSize 25 = 50"), log.errors::toString);
        assertTrue(log.errors.stream().anyMatch(l -> l.startsWith("    help: set maximumPoolSize")), log.errors::toString);
        assertTrue(log.infos.contains("connlint: 1 error, 0 warnings, 0 info (1 server, 2 pools)"), log.infos::toString);
        assertTrue(log.warnings.isEmpty(), log.warnings::toString);
        // pom.xml asks for all three formats
        assertTrue(Files.readString(reports().resolve("connlint.txt")).startsWith(CL101_HEADLINE));
        assertTrue(RULE_ID_CL101.matcher(Files.readString(reports().resolve("connlint.sarif"))).find());
        assertTrue(Files.readString(reports().resolve("connlint.json")).contains("CL101"));
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void theReactorIsCheckedOncePerBuild(CheckMojo root, CheckMojo module) throws Exception {
        MojoExtension.setVariableValueToObject(module, "project", reactor.get(1));
        assertThrows(MojoFailureException.class, root::execute);
        int errors = log.errors.size();

        module.execute();

        assertEquals(errors, log.errors.size(), "the second execution logged findings again");
        assertEquals(List.of("connlint: checked once for the reactor at " + reactor.get(0).getBasedir()),
                log.debugs.stream().filter(l -> l.startsWith("connlint: checked once")).toList());
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void aModuleThatRunsFirstChecksTheWholeReactorFromTheTop(CheckMojo module) throws Exception {
        MojoExtension.setVariableValueToObject(module, "project", reactor.get(2));

        assertThrows(MojoFailureException.class, module::execute);

        assertEquals(CL101_HEADLINE, log.errors.get(0));
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "failOn", value = "never")
    void modulesBesideTheirAggregatorAreNamedInAWarning(CheckMojo mojo) throws Exception {
        reactor.remove(0); // orders and billing are siblings: neither directory holds the other
        MojoExtension.setVariableValueToObject(mojo, "project", reactor.get(0));

        mojo.execute();

        assertEquals(List.of("connlint: checking " + reactor.get(0).getBasedir() + "; these modules lie outside it,"
                + " so only files that connlint.yml names are read from them: billing (" + reactor.get(1).getBasedir()
                + ")"), log.warnings);
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "failOn", value = "never")
    @MojoParameter(name = "formats", value = "sarif")
    void failOnNeverOnlyReports(CheckMojo mojo) throws Exception {
        mojo.execute();

        assertEquals(CL101_HEADLINE, log.errors.get(0));
        assertTrue(RULE_ID_CL101.matcher(Files.readString(reports().resolve("connlint.sarif"))).find());
        assertFalse(Files.exists(reports().resolve("connlint.txt")));
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "failOn", value = "never")
    @MojoParameter(name = "formats", value = "html")
    void formatsHtmlWritesThePage(CheckMojo mojo) throws Exception {
        mojo.execute();

        String html = Files.readString(reports().resolve("connlint.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<rect class=\"overflow\""), "no overflow drawn");
        assertTrue(html.contains("CL101-pool-budget-exceeded"));
        assertFalse(Files.exists(reports().resolve("connlint.sarif")));
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "report", pom = "pom.xml")
    void reportOnItsOwnWritesTheSelfContainedPage(ReportMojo mojo) throws Exception {
        mojo.execute();

        Path page = target.resolve("reactor").resolve("site").resolve("connlint.html");
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), "not a whole page");
        assertTrue(html.contains("<rect class=\"overflow\""), "no overflow drawn");
        assertTrue(html.contains("CL101-pool-budget-exceeded"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(page)));
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "formats", value = "none")
    void formatsNoneOnlyLogs(CheckMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("connlint: 1 finding at or above error; see the log above", e.getMessage());
        assertEquals(CL101_HEADLINE, log.errors.get(0));
        for (String report : List.of("connlint.txt", "connlint.sarif", "connlint.json")) {
            assertFalse(Files.exists(reports().resolve(report)), report);
        }
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipChecksNothing(CheckMojo mojo) throws Exception {
        mojo.execute();

        assertEquals(List.of("connlint: skipped (connlint.skip)"), log.infos);
        assertTrue(log.errors.isEmpty());
        assertFalse(Files.exists(reports()));
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "configFile", value = "missing/connlint.yml")
    void aMissingConfigFileIsAnExecutionError(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("connlint: config file "), e.getMessage());
        assertTrue(e.getMessage().endsWith("missing/connlint.yml does not exist"), e.getMessage());
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "failOn", value = "fatal")
    void anUnknownFailOnIsAnExecutionError(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals("connlint: failOn (connlint.failOn) must be error, warning, info or never; found 'fatal'",
                e.getMessage());
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "formats", value = "console,pdf")
    void anUnknownFormatIsAnExecutionError(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals("connlint: formats (connlint.formats) takes console, sarif, json, checkstyle, github, html or none; found 'pdf'", e.getMessage());
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "formats", value = "github,checkstyle")
    void githubAnnotationsBypassTheLoggerAndCheckstyleIsWritten(CheckMojo mojo) throws Exception {
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        mojo.annotations = new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8);
        mojo.environment = java.util.Map.of();

        assertThrows(MojoFailureException.class, mojo::execute);

        String printed = stdout.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("::error file=billing/src/main/resources/hikari.properties,line=2,col=1,"
                + "title=CL101 pool-budget-exceeded::the pools of orders and billing can open 110 connections"), printed);
        assertEquals(1, printed.lines().count(), printed);
        assertTrue(Files.readString(reports().resolve("connlint.github.txt")).startsWith("::error file=billing/"));
        String xml = Files.readString(reports().resolve("connlint.checkstyle.xml"));
        assertTrue(xml.contains("<file name=\"billing/src/main/resources/hikari.properties\">"), xml);
        assertTrue(xml.contains("<error line=\"2\" column=\"1\" severity=\"error\""), xml);
        assertEquals(CL101_HEADLINE, log.errors.get(0), "the findings are logged as well");
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "formats", value = "sarif")
    void underGithubActionsAnnotationsArePrintedWhateverTheFormats(CheckMojo mojo) throws Exception {
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        mojo.annotations = new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8);
        mojo.environment = java.util.Map.of("GITHUB_ACTIONS", "true");

        assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(stdout.toString(java.nio.charset.StandardCharsets.UTF_8).startsWith("::error file=billing/"));
        assertFalse(Files.exists(reports().resolve("connlint.github.txt")));
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "baseline", pom = "pom.xml")
    void baselineWritesTheReactorsFindings(BaselineMojo mojo) throws Exception {
        Path file = target.resolve("accepted/connlint-baseline.json");
        MojoExtension.setVariableValueToObject(mojo, "baseline", file.toFile());

        mojo.execute();

        assertEquals(List.of("connlint: wrote 1 finding to " + file + "; check with -Dconnlint.baseline=" + file), log.infos);
        String json = Files.readString(file);
        assertTrue(json.contains("\"ruleId\" : \"CL101\""), json);
        assertTrue(json.contains("\"path\" : \"billing/src/main/resources/hikari.properties\""), json);
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void aBaselineHidesItsFindingsAndTheBuildPasses(CheckMojo mojo) throws Exception {
        // the baseline of this very reactor, as the baseline goal computes it
        Path file = target.resolve("connlint-baseline.json");
        io.connlint.core.finding.LintResult all = io.connlint.core.engine.Linter.withDiscoveredRules()
                .lint(Reactor.of(session(), reactor.get(0), log).request(null));
        StringBuilder json = new StringBuilder();
        io.connlint.core.check.Baseline.of(all).write(json, "test");
        Files.writeString(file, json);
        MojoExtension.setVariableValueToObject(mojo, "baseline", file.toFile());

        mojo.execute();

        assertTrue(log.errors.isEmpty(), log.errors::toString);
        assertTrue(log.infos.contains("connlint: 0 errors, 0 warnings, 0 info (1 server, 2 pools)"), log.infos::toString);
        assertTrue(log.infos.contains("connlint: baseline " + file + ": 1 finding baselined, 0 gone"), log.infos::toString);
        assertFalse(RULE_ID_CL101.matcher(Files.readString(reports().resolve("connlint.sarif"))).find());
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "baseline", value = "missing-baseline.json")
    void aMissingBaselineIsAnExecutionError(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("connlint: baseline "), e.getMessage());
        assertTrue(e.getMessage().contains("missing-baseline.json does not exist"), e.getMessage());
    }

    /** A failed run leaves no report from an earlier build to be taken for its own. */
    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "configFile", value = "missing/connlint.yml")
    void aFailedRunLeavesNoReportBehind(CheckMojo mojo) throws Exception {
        Files.createDirectories(reports());
        Files.writeString(reports().resolve("connlint.sarif"), "{ \"from\": \"an earlier build\" }");

        assertThrows(MojoExecutionException.class, mojo::execute);

        try (var left = Files.list(reports())) {
            assertEquals(List.of(), left.toList());
        }
    }

    // ---- the outcome kept for the next build (connlint.cache) --------------------------------------

    private static final String REPEATED = "connlint: nothing the check reads has changed since the last build;"
            + " its result follows (-Dconnlint.cache=false checks again)";

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void aBuildWhereNothingChangedRepeatsTheLastOutcome(CheckMojo mojo) throws Exception {
        copyReactor();
        MojoFailureException first = assertThrows(MojoFailureException.class, mojo::execute);
        List<String> errors = List.copyOf(log.errors);
        byte[] sarif = Files.readAllBytes(reports().resolve("connlint.sarif"));
        assertTrue(Files.exists(reports().resolve(CheckCache.FILE_NAME)), log.debugs::toString);
        assertFalse(log.infos.contains(REPEATED));

        log.clear();
        Files.delete(reports().resolve("connlint.sarif")); // a report gone is written again
        MojoFailureException second = assertThrows(MojoFailureException.class, () -> nextBuild(mojo).execute());

        assertTrue(log.infos.contains(REPEATED), log.infos::toString);
        assertEquals(first.getMessage(), second.getMessage());
        assertEquals(errors, log.errors);
        assertTrue(log.infos.contains("connlint: 1 error, 0 warnings, 0 info (1 server, 2 pools)"), log.infos::toString);
        assertArrayEquals(sarif, Files.readAllBytes(reports().resolve("connlint.sarif")));
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void aFileChangedInPlaceIsCheckedAgainEvenWithItsSizeAndTimeKept(CheckMojo mojo) throws Exception {
        Path root = copyReactor();
        assertThrows(MojoFailureException.class, mojo::execute);

        // 25 → 15: the same size, and the modification time put back; only the change time tells
        Path billing = root.resolve("billing/src/main/resources/hikari.properties");
        FileTime modified = Files.getLastModifiedTime(billing);
        String text = Files.readString(billing);
        Files.writeString(billing, text.replace("maximumPoolSize=25", "maximumPoolSize=15"));
        Files.setLastModifiedTime(billing, modified);
        assertEquals(text.length(), Files.size(billing));
        log.clear();
        nextBuild(mojo).execute(); // 2 × 25 + 2 × 15 + 10 = 90 ≤ 100: passes

        assertFalse(log.infos.contains(REPEATED), log.infos::toString);
        assertTrue(log.errors.isEmpty(), log.errors::toString);
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void aNewFileAnywhereTheCheckLooksIsCheckedAgain(CheckMojo mojo) throws Exception {
        Path root = copyReactor();
        assertThrows(MojoFailureException.class, mojo::execute);

        // discovery would read it: a second server's option file
        Path added = root.resolve("orders/src/main/resources/application.properties");
        writeAged(added, "spring.datasource.hikari.maximum-pool-size=5\n");
        failingNextBuild(mojo);

        assertFalse(log.infos.contains(REPEATED), log.infos::toString);
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void filesUnderSkippedDirectoriesDoNotStopTheRepeat(CheckMojo mojo) throws Exception {
        Path root = copyReactor();
        assertThrows(MojoFailureException.class, mojo::execute);

        // what builds write: no walk of the project reads target/ or .git/
        Files.createDirectories(root.resolve("orders/target/classes"));
        Files.writeString(root.resolve("orders/target/classes/hikari.properties"), "maximumPoolSize=500\n");
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/index"), "x");
        failingNextBuild(mojo);

        assertTrue(log.infos.contains(REPEATED), "directories no walk enters are left out: " + log.infos);
        Files.writeString(root.resolve("orders/target/classes/hikari.properties"), "maximumPoolSize=900\n");
        Files.writeString(root.resolve(".git/index"), "yy");
        failingNextBuild(mojo);

        assertTrue(log.infos.contains(REPEATED), log.infos::toString);
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void filesTheCheckDoesNotReadMayChange(CheckMojo mojo) throws Exception {
        Path root = copyReactor();
        Path source = root.resolve("orders/src/main/java/App.java");
        writeAged(source, "class App {}\n");
        writeAged(root.resolve("build.log"), "");
        assertThrows(MojoFailureException.class, mojo::execute);

        // a source edited, a log written by this very build (mvn verify | tee build.log)
        Files.writeString(source, "class App { int pool = 500; }\n");
        Files.writeString(root.resolve("build.log"), "[INFO] Scanning for projects...\n");
        failingNextBuild(mojo);

        assertTrue(log.infos.contains(REPEATED), log.infos::toString);
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void nothingIsKeptWhileFilesAreFreshlyWritten(CheckMojo mojo) throws Exception {
        Path root = copyReactor();
        Files.writeString(root.resolve("db/my.cnf"), Files.readString(root.resolve("db/my.cnf")) + "\n");
        assertThrows(MojoFailureException.class, mojo::execute);

        assertFalse(Files.exists(reports().resolve(CheckCache.FILE_NAME)));
        assertTrue(log.debugs.stream().anyMatch(l -> l.startsWith("connlint: the outcome is not kept for the next build:"
                + " files it read changed in the last 2 s")), log.debugs::toString);
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "cache", value = "false")
    void withTheCacheOffEveryBuildChecks(CheckMojo mojo) throws Exception {
        copyReactor();
        assertThrows(MojoFailureException.class, mojo::execute);
        assertFalse(Files.exists(reports().resolve(CheckCache.FILE_NAME)));

        failingNextBuild(mojo);

        assertFalse(log.infos.contains(REPEATED));
        assertEquals(CL101_HEADLINE, log.errors.get(0));
    }

    @Test
    @Basedir(REACTOR)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void aDamagedCacheIsCheckedAgain(CheckMojo mojo) throws Exception {
        copyReactor();
        assertThrows(MojoFailureException.class, mojo::execute);
        Path cache = reports().resolve(CheckCache.FILE_NAME);
        byte[] kept = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(kept, kept.length / 2));

        failingNextBuild(mojo);

        assertFalse(log.infos.contains(REPEATED));
        assertEquals(CL101_HEADLINE, log.errors.get(0));
    }

    /**
     * The reactor copied to a temporary directory with every time stamp an hour old (files
     * written seconds before a check are never kept), the mojo's reactor pointed at it.
     */
    private Path copyReactor() throws Exception {
        Path source = Path.of(getClass().getResource(REACTOR).toURI());
        Path copy = target.resolve("project");
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(source)) {
            files = walk.toList();
        }
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        for (Path f : files) {
            Path to = copy.resolve(source.relativize(f).toString());
            if (Files.isDirectory(f)) {
                Files.createDirectories(to);
            } else {
                Files.copy(f, to);
                Files.setLastModifiedTime(to, old);
            }
        }
        reactor.clear();
        reactor.add(project("reactor", copy));
        reactor.add(project("orders", copy.resolve("orders")));
        reactor.add(project("billing", copy.resolve("billing")));
        return copy;
    }

    /** The same goal in a new build, which fails (the reactor's budget does not fit), with a fresh log. */
    private void failingNextBuild(CheckMojo mojo) throws Exception {
        log.clear();
        CheckMojo next = nextBuild(mojo);
        assertThrows(MojoFailureException.class, next::execute);
    }

    /** Writes a file with a modification time an hour old. */
    private static void writeAged(Path file, String text) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    }

    /** The same goal in a new build: a new session (nothing claimed yet) over the same reactor. */
    private CheckMojo nextBuild(CheckMojo mojo) throws Exception {
        MavenSession session = (MavenSession) MojoExtension.getVariableValueFromObject(mojo, "session");
        lenient().when(session.getRepositorySession()).thenReturn(new DefaultRepositorySystemSession());
        MojoExtension.setVariableValueToObject(mojo, "project", reactor.get(0));
        return mojo;
    }

    private Path reports() {
        return target.resolve("reactor").resolve("connlint");
    }

    private MavenProject project(String artifactId, Path basedir) {
        MavenProject p = new MavenProject();
        p.setGroupId("test");
        p.setArtifactId(artifactId);
        p.setVersion("1");
        p.setFile(basedir.resolve("pom.xml").toFile());
        // build output in a temporary directory, not among the test resources
        p.getBuild().setDirectory(target.resolve(artifactId).toString());
        p.getModel().setReporting(new Reporting());
        p.getReporting().setOutputDirectory(target.resolve(artifactId).resolve("site").toString());
        return p;
    }

    /** Keeps what the mojo logs, by level. */
    static final class CapturingLog extends SystemStreamLog {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final List<String> infos = new ArrayList<>();
        final List<String> debugs = new ArrayList<>();

        void clear() {
            errors.clear();
            warnings.clear();
            infos.clear();
            debugs.clear();
        }

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
        }

        @Override
        public void info(CharSequence content) {
            infos.add(content.toString());
        }

        @Override
        public void debug(CharSequence content) {
            debugs.add(content.toString());
        }
    }
}
