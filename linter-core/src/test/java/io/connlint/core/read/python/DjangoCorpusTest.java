package io.connlint.core.read.python;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real Django settings from public repositories (the shared corpus,
 * {@code ${connlint.corpus}/realworld/django}). Where a file imports a sibling the corpus does not
 * hold, a small stand-in for that sibling is written beside a copy of the file in a temporary
 * directory; corpus files are never copied into the repository.
 */
class DjangoCorpusTest {

    @TempDir
    Path temp;

    private static Path corpusFile(String name) {
        return Corpus.realworld("django").resolve(name);
    }

    private static PythonModule read(Path file, Path root, Map<String, String> env) {
        return PythonReader.read(file, env, new ProjectPaths(root, Map.of()));
    }

    private static String at(PythonModule m, String path) {
        return Expectations.navigate(m, path).rendered();
    }

    private static SourceLocation location(PythonModule m, String path) {
        return Expectations.navigate(m, path).value().at();
    }

    /** A copy of a corpus file at {@code relative} under the temporary project, with siblings. */
    private Path project(String corpusName, String relative, Map<String, String> siblings) throws IOException {
        Path target = temp.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.copy(corpusFile(corpusName), target);
        for (Map.Entry<String, String> e : siblings.entrySet()) {
            Path sibling = temp.resolve(e.getKey());
            Files.createDirectories(sibling.getParent());
            Files.writeString(sibling, e.getValue(), StandardCharsets.UTF_8);
        }
        return target;
    }

    @TestFactory
    Stream<DynamicTest> everyFileIsRead() throws IOException {
        Path dir = Corpus.realworld("django");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "expected the 10 Django settings files of the corpus, found " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            PythonModule m = read(f, dir, Map.of());
            assertEquals(List.of(f.getFileName().toString()), m.filesRead());
            assertTrue(m.namespace().containsKey("DATABASES") || f.getFileName().toString().startsWith("bakerydemo"),
                    () -> "DATABASES is read from " + f.getFileName());
            for (ReadProblem p : m.problems()) {
                assertFalse(p.message().contains("internal error"), p::toString);
                assertTrue(f.getFileName().toString().startsWith("cookiecutter"), () -> "only the Jinja template has"
                        + " problems, but: " + p);
            }
        }));
    }

    @Test
    void bakerydemoUpdatesTheBaseDatabaseWithDjDatabaseUrl() throws IOException {
        // Stand-in for bakerydemo/settings/base.py (not in the corpus): sqlite by default.
        Path production = project("bakerydemo-production-dj-database-url-update.py", "bakerydemo/settings/production.py",
                Map.of("bakerydemo/settings/__init__.py", "",
                        "bakerydemo/settings/base.py", """
                                import os
                                BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
                                DATABASES = {
                                    'default': {
                                        'ENGINE': 'django.db.backends.sqlite3',
                                        'NAME': os.path.join(BASE_DIR, 'bakerydemodb'),
                                    }
                                }
                                MIDDLEWARE = ['django.middleware.common.CommonMiddleware']
                                INSTALLED_APPS = ['bakerydemo.base']
                                """));
        PythonModule m = read(production, temp, Map.of("DATABASE_URL", "mysql://bakery:pw@db.internal:3306/bakery"));
        assertEquals("'django.db.backends.mysql'", at(m, "DATABASES.default.ENGINE"));
        assertEquals("'db.internal'", at(m, "DATABASES.default.HOST"));
        assertEquals("3306", at(m, "DATABASES.default.PORT"));
        assertEquals("500", at(m, "DATABASES.default.CONN_MAX_AGE"));
        assertEquals(new SourceLocation("bakerydemo/settings/production.py", 34, 51),
                location(m, "DATABASES.default.CONN_MAX_AGE"), "points at conn_max_age=500");
        assertEquals("['django.middleware.common.CommonMiddleware', 'whitenoise.middleware.WhiteNoiseMiddleware']",
                at(m, "MIDDLEWARE"));
        assertEquals(List.of("bakerydemo/settings/production.py", "bakerydemo/settings/base.py"), m.filesRead());

        PythonModule unset = read(production, temp, Map.of());
        assertEquals("unknown(environment variable DATABASE_URL has no value or default)", at(unset, "DATABASES.default.ENGINE"));
        assertEquals("500", at(unset, "DATABASES.default.CONN_MAX_AGE"));
    }

    @Test
    void herokuConfiguresTheDatabaseOnlyOnHeroku() {
        Path file = corpusFile("heroku-getting-started-settings-dj-database-url.py");
        PythonModule m = read(file, file.getParent(), Map.of("DYNO", "web.1",
                "DATABASE_URL", "postgres://u:p@ec2.compute.amazonaws.com:5432/d8"));
        String heroku = "choice(IS_HEROKU_APP, ";
        assertTrue(at(m, "DATABASES.default.CONN_MAX_AGE").startsWith(heroku + "600, "), at(m, "DATABASES.default"));
        assertEquals(heroku + "True, <absent>)", at(m, "DATABASES.default.CONN_HEALTH_CHECKS"));
        assertEquals(heroku + "{'sslmode': 'require'}, <absent>)", at(m, "DATABASES.default.OPTIONS"));
        assertEquals(heroku + "'django.db.backends.postgresql', 'django.db.backends.sqlite3')",
                at(m, "DATABASES.default.ENGINE"));
        assertTrue(m.notes().stream().anyMatch(n -> n.at().line() == 114
                && n.text().startsWith("both branches of `if IS_HEROKU_APP` considered (the condition is unknown")), m.notes()::toString);
        PyValue.PyChoice choice = (PyValue.PyChoice) ((PyValue.PyDict) m.namespace().get("DATABASES")).entries().get("default");
        PyValue.PyDict onHeroku = (PyValue.PyDict) choice.whenTrue();
        assertEquals(new SourceLocation(file.getFileName().toString(), 123, 26), onHeroku.entries().get("CONN_MAX_AGE").at());
    }

    @Test
    void spreadrSetsConnMaxAgeAtTheTopLevel() {
        Path file = corpusFile("spreadr-settings-prod-toplevel-conn-max-age.py");
        PythonModule m = read(file, file.getParent(), Map.of("MY_CNF", "/etc/gistr/my.cnf"));
        assertEquals("300", at(m, "CONN_MAX_AGE"));
        assertEquals(new SourceLocation(file.getFileName().toString(), 28, 1), m.assignedAt().get("CONN_MAX_AGE"));
        assertEquals("<absent>", at(m, "DATABASES.default.CONN_MAX_AGE"), "Django never reads the top-level name");
        assertEquals("'django.db.backends.mysql'", at(m, "DATABASES.default.ENGINE"));
        assertEquals("'/etc/gistr/my.cnf'", at(m, "DATABASES.default.OPTIONS.read_default_file"));
        assertTrue(m.notes().stream().anyMatch(n -> n.text().contains("spreadr.settings is not in the project")));
    }

    @Test
    void cookiecutterTemplateGivesProblemsAtTheJinjaLinesAndStillReadsConnMaxAge() throws IOException {
        Path production = project("cookiecutter-django-production-jinja-conn-max-age.py", "config/settings/production.py",
                Map.of("config/settings/base.py", """
                        import environ
                        env = environ.Env()
                        DATABASES = {"default": env.db("DATABASE_URL")}
                        INSTALLED_APPS = ["django.contrib.auth"]
                        REDIS_URL = env("REDIS_URL", default="redis://redis:6379/0")
                        """));
        PythonModule m = read(production, temp, Map.of("DATABASE_URL", "mysql://app:pw@mysql:3306/app"));
        assertEquals("60", at(m, "DATABASES.default.CONN_MAX_AGE"));
        assertEquals(new SourceLocation("config/settings/production.py", 34, 72), location(m, "DATABASES.default.CONN_MAX_AGE"));
        assertEquals("'mysql'", at(m, "DATABASES.default.HOST"));
        PythonModule withEnv = read(production, temp, Map.of("DATABASE_URL", "mysql://app:pw@mysql:3306/app",
                "CONN_MAX_AGE", "0"));
        assertEquals("0", at(withEnv, "DATABASES.default.CONN_MAX_AGE"));

        List<String> lines = Files.readAllLines(production, StandardCharsets.UTF_8);
        assertTrue(m.problems().size() >= 40, "one problem per template statement: " + m.problems().size());
        for (ReadProblem p : m.problems()) {
            String line = lines.get(p.at().line() - 1);
            assertTrue(line.startsWith("{%", p.at().column() - 1), () -> "a problem not at a template tag: " + p + " in " + line);
            assertTrue(p.message().startsWith("not Python: a Jinja template tag '{%'"), p::toString);
        }
        assertTrue(m.problems().stream().anyMatch(p -> p.at().line() == 2 && p.at().column() == 1));
        assertTrue(m.problems().stream().anyMatch(p -> p.at().line() == 312 && p.at().column() == 26),
                "`COMPRESS_URL = STATIC_URL{% if ... %}` has its tag in the middle of the line");
        long jinjaLinesAtColumnOne = lines.stream().filter(l -> l.startsWith("{%")).count();
        assertTrue(m.problems().size() <= jinjaLinesAtColumnOne + 1, "never more than one problem per bad statement");
    }

    @Test
    void healthchecksSwitchesDatabaseOnAnEnvironmentVariable() {
        Path file = corpusFile("healthchecks-settings-db-env-switch.py");
        PythonModule mysql = read(file, file.getParent(), Map.of("DB", "mysql"));
        assertEquals("{'ENGINE': 'django.db.backends.mysql', 'USER': 'root', 'NAME': 'hc', 'TEST': {'CHARSET': 'UTF8'}}",
                at(mysql, "DATABASES.default"));
        assertEquals("<absent>", at(mysql, "DATABASES.default.CONN_MAX_AGE"));
        PythonModule unset = read(file, file.getParent(), Map.of());
        assertEquals("choice(os.environ.get(\"DB\") == \"mysql\", 'django.db.backends.mysql', choice(os.environ.get(\"DB\")"
                + " == \"postgres\", 'django.db.backends.postgresql', 'django.db.backends.sqlite3'))", at(unset, "DATABASES.default.ENGINE"));
    }

    @Test
    void banjinComputesConnMaxAge() {
        Path file = corpusFile("banjin-product-conn-max-age-expression.py");
        PythonModule m = read(file, file.getParent(), Map.of());
        assertEquals("300", at(m, "DATABASES.default.CONN_MAX_AGE"));
        assertEquals(new SourceLocation(file.getFileName().toString(), 16, 25), location(m, "DATABASES.default.CONN_MAX_AGE"));
        assertEquals("3306", at(m, "DATABASES.default.PORT"));
        assertEquals("{'charset': 'utf8mb4'}", at(m, "DATABASES.default.OPTIONS"));
    }

    @Test
    void ralphReadsEnvironmentDefaults() {
        Path file = corpusFile("ralph-settings-base-mysql-transaction-hooks.py");
        PythonModule m = read(file, file.getParent(), Map.of("DATABASE_HOST", "mysql.internal"));
        assertEquals("{'ENGINE': 'transaction_hooks.backends.mysql', 'NAME': 'ralph_ng', 'USER': 'ralph_ng', 'PASSWORD':"
                + " 'ralph_ng', 'HOST': 'mysql.internal', 'PORT': 3306, 'ATOMIC_REQUESTS': True, 'TEST': {'NAME':"
                + " 'test_ralph_ng'}}", at(m, "DATABASES.default"));
        assertEquals("<function>", at(m, "bool_from_env"));
    }

    @Test
    void evisMarketUsesDjangoEnvironFromASplitModule() throws IOException {
        // Stand-in for src/app/conf/environ_app.py (not in the corpus).
        Path db = project("evis-market-conf-db-environ-env-db.py", "src/app/conf/db.py",
                Map.of("src/app/conf/environ_app.py", "import environ\nenv = environ.Env(DEBUG=(bool, False))\n"));
        PythonModule m = read(db, temp, Map.of("DATABASE_URL", "mysql://evis:pw@db:3306/evis"));
        assertEquals("600", at(m, "DATABASES.default.CONN_MAX_AGE"), "DEBUG defaults to False, so the branch runs");
        assertEquals("'django.db.backends.mysql'", at(m, "DATABASES.default.ENGINE"));
        PythonModule debug = read(db, temp, Map.of("DATABASE_URL", "mysql://evis:pw@db:3306/evis", "DEBUG", "true"));
        assertEquals("<absent>", at(debug, "DATABASES.default.CONN_MAX_AGE"));
        PythonModule fromUrl = read(db, temp, Map.of("DATABASE_URL", "mysql://evis:pw@db:3306/evis?conn_max_age=60",
                "DEBUG", "1"));
        assertEquals("60", at(fromUrl, "DATABASES.default.CONN_MAX_AGE"));
        assertEquals(List.of("src/app/conf/db.py", "src/app/conf/environ_app.py"), m.filesRead());
    }

    @Test
    void jannacaPointsDjangoAtAnOptionFile() {
        Path file = corpusFile("jannaca-local-read-default-file.py");
        PythonModule m = read(file, file.getParent(), Map.of());
        assertEquals("'settings/my.cnf'", at(m, "DATABASES.default.OPTIONS.read_default_file"));
    }
}
