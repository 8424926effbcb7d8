package io.connlint.core.read.spring;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.ProjectLoader;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Origin;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.Setting;
import io.connlint.core.model.UnusedKey;
import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Spring Boot's own binder is the oracle of connlint's Spring reader: for the same project
 * (connlint.yml's app, its profiles and env), every pool connlint reads must run with the values
 * Spring Boot 3.5.7 binds and HikariCP 7.1.0's {@code validate()} leaves, and connlint must say
 * the application does not start exactly where Spring Boot refuses to.
 *
 * <p>Each case is a small project under {@code src/test/resources/spring-oracle/<case>/} whose
 * {@code expected.yml} writes down what Spring runs with; the oracle is checked against it first,
 * so a wrong oracle cannot make connlint look right. Every Spring file of the real-world corpus is
 * checked the same way.
 *
 * <p>connlint.yml's {@code profiles} act as {@code --spring.profiles.active} (or
 * {@code SPRING_PROFILES_ACTIVE}) would: they replace a {@code spring.profiles.active} written in the
 * files. Its {@code env} is the whole process environment.
 *
 * <p>The documented exceptions, where connlint rightly differs from a literal run of Spring Boot:
 * <ul>
 *   <li>a number that is a placeholder without default whose variable connlint.yml does not give:
 *       Spring does not start, connlint assumes a value and says so
 *       ({@link #anUndefinedVariableIsAssumedWhereSpringRefuses});</li>
 *   <li>a URL holding such a placeholder: Spring starts and the driver would fail on the text;
 *       connlint has no target and says so;</li>
 *   <li>a pool whose URL names another database: it is not in a MySQL budget, connlint leaves it
 *       out and says so;</li>
 *   <li>a pool that is not HikariCP ({@code spring.datasource.type}): Spring's Hikari binding does
 *       not apply, and connlint must not budget HikariCP's numbers for it.</li>
 * </ul>
 */
class SpringBinderOracleTest {

    /** The budget settings compared, by HikariCP name; times in ms. */
    static final List<String> SETTINGS = List.of(ClientPool.MAXIMUM_POOL_SIZE, ClientPool.MINIMUM_IDLE,
            ClientPool.MAX_LIFETIME, ClientPool.IDLE_TIMEOUT, ClientPool.CONNECTION_TIMEOUT, ClientPool.KEEPALIVE_TIME);

    private static final String URL = "url";
    private static final String REFUSED = "refused";
    /** How the binder refuses a number that is still an unresolved placeholder. */
    private static final String UNRESOLVED = "for value [${";

    @TestFactory
    Stream<DynamicNode> cases() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(getClass().getResource("/spring-oracle")).toURI());
        List<Path> dirs;
        try (Stream<Path> list = Files.list(root)) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(dirs.size() >= 30, "the cases are there: " + dirs);
        return dirs.stream().map(dir -> {
            Project project = Project.read(dir);
            Map<String, Expected> expected = Expected.read(dir.resolve("expected.yml"));
            return DynamicContainer.dynamicContainer(dir.getFileName().toString(), Stream.of(
                    dynamicTest("Spring Boot runs with expected.yml",
                            () -> assertSpringMatches(expected, spring(project, expected.keySet()))),
                    dynamicTest("connlint agrees with Spring Boot",
                            () -> assertConnlintAgrees(project, spring(project, expected.keySet())))));
        });
    }

    /**
     * Every Spring file of the real-world corpus, placed in a project of its own under the name
     * Spring reads it by.
     */
    @TestFactory
    Stream<DynamicNode> corpus(@TempDir Path temp) throws IOException {
        Path corpus = Corpus.realworld("spring");
        TreeSet<String> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(CORPUS.keySet()), files, "every corpus file has an entry in CORPUS");
        List<DynamicNode> nodes = new ArrayList<>();
        for (Map.Entry<String, CorpusFile> e : CORPUS.entrySet()) {
            CorpusFile c = e.getValue();
            Path root = Files.createDirectories(temp.resolve(e.getKey()));
            Files.copy(corpus.resolve(e.getKey()), root.resolve(c.springName()));
            Files.writeString(root.resolve(LintRequest.CONFIG_FILE_NAME),
                    connlintYml(c.springName(), c.profiles(), c.env()));
            Project project = Project.read(root);
            nodes.add(DynamicContainer.dynamicContainer(e.getKey(), Stream.of(
                    dynamicTest("Spring Boot runs with the values noted here", () -> {
                        Map<String, Object> spring = spring(project, c.expected().keySet());
                        assertSpringMatches(c.expected(), spring);
                        c.type().ifPresent(type -> assertEquals(Optional.of(type),
                                SpringOracle.start(project.springDir(), project.profiles(), project.env())
                                        .property("spring.datasource.type")));
                    }),
                    dynamicTest("connlint agrees with Spring Boot", () -> {
                        if (c.type().isPresent()) {
                            assertNoHikariPool(project, c.type().get());
                        } else {
                            assertConnlintAgrees(project, spring(project, c.expected().keySet()));
                        }
                    }))));
        }
        return nodes.stream();
    }

    /**
     * The documented exception to "Spring refuses, so connlint refuses": a placeholder without a
     * default whose variable connlint.yml does not give. Spring Boot does not start (the binder
     * leaves {@code ${DB_POOL}} in the text, which is not a number), but the variable is one the
     * deployment sets and connlint cannot know: DESIGN.md ("Inputs") asks connlint to say so and
     * assume Spring Boot's default, 10, rather than report a pool that does not start.
     */
    @Test
    void anUndefinedVariableIsAssumedWhereSpringRefuses(@TempDir Path root) throws IOException {
        Path resources = Files.createDirectories(root.resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.yml"),
                "spring.datasource.url: jdbc:mysql://db/app\nspring.datasource.hikari.maximum-pool-size: ${DB_POOL}\n");
        Files.writeString(root.resolve(LintRequest.CONFIG_FILE_NAME), """
                apps:
                  svc:
                    config: [src/main/resources/application.yml]
                """);
        SpringOracle.Refused refused = assertThrows(SpringOracle.Refused.class,
                () -> SpringOracle.start(resources, List.of(), Map.of()).mainPool());
        assertTrue(refused.getMessage().contains("for value [${DB_POOL}]"), refused.getMessage());
        assertEquals(25L, SpringOracle.start(resources, List.of(), Map.of("DB_POOL", "25")).mainPool()
                .settings().get(ClientPool.MAXIMUM_POOL_SIZE), "with the variable set, Spring binds it");

        Deployment model = ProjectLoader.load(LintRequest.of(root)).model();
        ClientPool pool = pool(model, "svc");
        Setting<?> max = pool.settings().get(ClientPool.MAXIMUM_POOL_SIZE);
        assertEquals(10L, max.effective());
        Origin.Assumed assumed = assertInstanceOf(Origin.Assumed.class, max.origin(), max.toString());
        assertTrue(assumed.why().contains("DB_POOL"), "the assumption names the variable: " + assumed.why());
        assertTrue(pool.rejected().isEmpty(), "connlint does not call the pool refused: " + pool.rejected());
    }

    // ---- the Spring side -----------------------------------------------------------------------

    /**
     * What Spring runs each pool with: a {@link SpringOracle.Pool}, or the {@link SpringOracle.Refused}
     * that stops the application. Pool ids are connlint's: the app id for
     * {@code spring.datasource.hikari}, {@code <app>/<prefix>} for a pool bound from another prefix.
     */
    static Map<String, Object> spring(Project project, Iterable<String> poolIds) {
        Map<String, Object> pools = new TreeMap<>();
        SpringOracle oracle;
        try {
            oracle = SpringOracle.start(project.springDir(), project.profiles(), project.env());
        } catch (SpringOracle.Refused e) {
            poolIds.forEach(id -> pools.put(id, e));
            return pools;
        }
        for (String id : poolIds) {
            try {
                pools.put(id, id.equals(project.app()) ? oracle.mainPool() : oracle.pool(prefix(project, id)));
            } catch (SpringOracle.Refused e) {
                pools.put(id, e);
            }
        }
        return pools;
    }

    private static String prefix(Project project, String poolId) {
        if (!poolId.startsWith(project.app() + "/")) {
            throw new IllegalArgumentException("pool " + poolId + " is not one of app " + project.app());
        }
        return poolId.substring(project.app().length() + 1);
    }

    private static void assertSpringMatches(Map<String, Expected> expected, Map<String, Object> spring) {
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            Object actual = spring.get(e.getKey());
            if (e.getValue().refused().isPresent()) {
                String words = e.getValue().refused().get();
                SpringOracle.Refused refused = assertInstanceOf(SpringOracle.Refused.class, actual,
                        "Spring Boot should refuse to start (" + words + ") but runs pool " + e.getKey());
                assertTrue(refused.getMessage().contains(words), "Spring Boot refuses, but not with '" + words
                        + "': " + refused.getMessage());
            } else {
                if (actual instanceof SpringOracle.Refused refused) {
                    fail("Spring Boot refuses to start: " + refused.getMessage(), refused);
                }
                assertEquals(e.getValue().values(), springValues((SpringOracle.Pool) actual), "pool " + e.getKey());
            }
        }
    }

    private static Map<String, Object> springValues(SpringOracle.Pool pool) {
        Map<String, Object> values = new LinkedHashMap<>(pool.settings());
        values.put(URL, pool.url().orElse(null));
        return values;
    }

    // ---- the connlint side ---------------------------------------------------------------------

    /** connlint's model of the project must run every pool as Spring does, and refuse where it refuses. */
    static void assertConnlintAgrees(Project project, Map<String, Object> spring) {
        Deployment model = ProjectLoader.load(LintRequest.of(project.root())).model();
        Map<String, ClientPool> pools = new TreeMap<>();
        model.pools().stream().filter(p -> p.app().equals(project.app())).forEach(p -> pools.put(p.id(), p));
        String context = "\nconnlint's pools: " + pools.keySet() + "\nnotes: " + model.notes()
                + "\nproblems: " + model.problems();
        boolean refuses = spring.values().stream().anyMatch(SpringOracle.Refused.class::isInstance);
        if (refuses) {
            for (Map.Entry<String, Object> e : spring.entrySet()) {
                if (!(e.getValue() instanceof SpringOracle.Refused refused)) {
                    continue;
                }
                ClientPool pool = pools.get(e.getKey());
                if (refused.getMessage().contains(UNRESOLVED)) {
                    // The documented exception (see anUndefinedVariableIsAssumedWhereSpringRefuses): a
                    // placeholder without a default may be set by the deployment; connlint assumes.
                    assertTrue(pool != null && pool.rejected().isEmpty() && pool.settings().values().stream()
                                    .anyMatch(s -> s.origin() instanceof Origin.Assumed),
                            "Spring Boot does not start without a variable (" + refused.getMessage()
                                    + "); connlint should run pool " + e.getKey() + " with an assumed value" + context);
                    continue;
                }
                assertTrue(connlintRefuses(model, project, pool), "Spring Boot does not start ("
                        + refused.getMessage() + ") but connlint reports neither a refused value of pool "
                        + e.getKey() + " nor a problem in the app's files" + context);
            }
            return;
        }
        // The documented exception: a pool whose URL names another database is not in a MySQL budget.
        // connlint leaves it out and says so in a note at the app's files.
        Map<String, SpringOracle.Pool> budget = new TreeMap<>();
        spring.forEach((id, p) -> {
            SpringOracle.Pool pool = (SpringOracle.Pool) p;
            if (pool.url().isEmpty() || isMySql(pool.url().get())) {
                budget.put(id, pool);
            } else {
                String scheme = pool.url().get().replaceFirst("^(jdbc:[^:]*):.*", "$1");
                assertTrue(model.notes().stream().anyMatch(n -> inSpringDir(project, n.at().path())
                        && n.text().contains(scheme)), "pool " + id + " connects to " + scheme
                        + ": connlint should leave it out with a note naming " + scheme + context);
            }
        });
        assertEquals(budget.keySet(), pools.keySet(), "the app's pools" + context);
        for (Map.Entry<String, SpringOracle.Pool> e : budget.entrySet()) {
            SpringOracle.Pool expected = e.getValue();
            ClientPool pool = pools.get(e.getKey());
            assertTrue(pool.rejected().isEmpty(), "Spring Boot starts pool " + e.getKey()
                    + ", connlint says it refuses " + pool.rejected() + context);
            Map<String, Object> want = new LinkedHashMap<>(expected.settings());
            want.put(URL, expected.url().orElse(null));
            if (expected.url().filter(u -> u.contains("${")).isPresent()) {
                // The documented exception: the binder leaves an unresolvable placeholder in the URL
                // and Spring starts; the driver would fail on the text. The deployment sets the
                // variable, so connlint has no target and says so in a note (DESIGN.md "Inputs").
                want.put(URL, null);
                assertTrue(model.notes().stream().anyMatch(n -> inSpringDir(project, n.at().path())
                        && n.text().contains("${")), "the URL " + expected.url().get()
                        + " holds a placeholder: connlint should say so in a note" + context);
            }
            Map<String, Object> got = new LinkedHashMap<>();
            for (String name : SETTINGS) {
                Setting<?> setting = pool.settings().get(name);
                got.put(name, setting == null ? null : setting.effective());
            }
            got.put(URL, pool.target().map(t -> t.source().value()).orElse(null));
            assertEquals(want, got, "pool " + e.getKey() + ": Spring Boot + HikariCP (expected) against connlint"
                    + context);
        }
    }

    private static boolean connlintRefuses(Deployment model, Project project, ClientPool pool) {
        if (pool != null && !pool.rejected().isEmpty()) {
            return true;
        }
        // The legacy spring.profiles key is CL405's (RULES.md): its finding says Spring Boot 3 refuses to start.
        if (model.unusedKeys().stream().anyMatch(k -> k.kind() == UnusedKey.Kind.LEGACY_PROFILES
                && inSpringDir(project, k.at().path()))) {
            return true;
        }
        return model.problems().stream().anyMatch(p -> inSpringDir(project, p.at().path()));
    }

    /** True for a project-relative path in the app's Spring directory (connlint.yml is not). */
    private static boolean inSpringDir(Project project, String path) {
        String dir = project.root().relativize(project.springDir()).toString().replace('\\', '/');
        return !path.equals(LintRequest.CONFIG_FILE_NAME) && (dir.isEmpty() || path.startsWith(dir + "/"));
    }

    /**
     * The documented exception for a pool that is not HikariCP (spring.datasource.type names
     * another class): Spring Boot's Hikari binding does not apply, so the oracle has no values to
     * compare, and connlint must not put HikariCP's numbers in the budget for it.
     */
    private static void assertNoHikariPool(Project project, String type) {
        Deployment model = ProjectLoader.load(LintRequest.of(project.root())).model();
        List<ClientPool> hikari = model.pools().stream().filter(p -> p.app().equals(project.app()))
                .filter(p -> p.kind() == PoolKind.HIKARI || p.kind() == PoolKind.SPRING_HIKARI).toList();
        assertTrue(hikari.isEmpty(), "spring.datasource.type is " + type + ", yet connlint reads HikariCP pools "
                + hikari.stream().map(ClientPool::id).toList());
    }

    private static ClientPool pool(Deployment model, String id) {
        return model.pools().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(
                "no pool " + id + " in " + model.pools().stream().map(ClientPool::id).toList() + "; notes: "
                        + model.notes() + "; problems: " + model.problems()));
    }

    static boolean isMySql(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        return u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:");
    }

    // ---- projects and expectations -------------------------------------------------------------

    /**
     * A project as its connlint.yml declares its one app: what both sides read.
     *
     * @param springDir the directory of the app's first config file: the one location Spring reads
     */
    record Project(Path root, String app, Path springDir, List<String> profiles, Map<String, String> env) {

        @SuppressWarnings("unchecked")
        static Project read(Path root) {
            Map<String, Object> yml;
            try {
                yml = new Yaml(new SafeConstructor(new LoaderOptions()))
                        .load(Files.readString(root.resolve(LintRequest.CONFIG_FILE_NAME)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Map<String, Object> apps = (Map<String, Object>) yml.get("apps");
            if (apps == null || apps.size() != 1) {
                throw new IllegalArgumentException(root + ": a case declares exactly one app");
            }
            Map.Entry<String, Object> app = apps.entrySet().iterator().next();
            Map<String, Object> decl = (Map<String, Object>) app.getValue();
            List<String> config = (List<String>) decl.get("config");
            List<String> profiles = (List<String>) decl.getOrDefault("profiles", List.of());
            Map<String, String> env = new TreeMap<>((Map<String, String>) decl.getOrDefault("env", Map.of()));
            Path springDir = root.resolve(config.get(0)).normalize().getParent();
            return new Project(root, app.getKey(), springDir, List.copyOf(profiles), env);
        }
    }

    /** What Spring runs one pool with (the six settings and {@code url}), or the words it refuses with. */
    record Expected(Map<String, Object> values, Optional<String> refused) {

        static Expected runs(long maximumPoolSize, long minimumIdle, long maxLifetime, long idleTimeout,
                             long connectionTimeout, long keepaliveTime, String url) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(ClientPool.MAXIMUM_POOL_SIZE, maximumPoolSize);
            values.put(ClientPool.MINIMUM_IDLE, minimumIdle);
            values.put(ClientPool.MAX_LIFETIME, maxLifetime);
            values.put(ClientPool.IDLE_TIMEOUT, idleTimeout);
            values.put(ClientPool.CONNECTION_TIMEOUT, connectionTimeout);
            values.put(ClientPool.KEEPALIVE_TIME, keepaliveTime);
            values.put(URL, url);
            return new Expected(values, Optional.empty());
        }

        /** An expected.yml: pool id → the six settings and {@code url}, or {@code refused}. */
        @SuppressWarnings("unchecked")
        static Map<String, Expected> read(Path file) {
            Map<String, Object> yml;
            try {
                yml = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Map<String, Expected> expected = new TreeMap<>();
            yml.forEach((id, v) -> {
                Map<String, Object> m = (Map<String, Object>) v;
                if (m.containsKey(REFUSED)) {
                    expected.put(id, new Expected(Map.of(), Optional.of((String) m.get(REFUSED))));
                    return;
                }
                if (!m.keySet().equals(new HashSet<>(concat(SETTINGS, URL)))) {
                    throw new IllegalArgumentException(file + ": pool " + id + " must give exactly "
                            + concat(SETTINGS, URL));
                }
                Map<String, Object> values = new LinkedHashMap<>();
                SETTINGS.forEach(name -> values.put(name, ((Number) m.get(name)).longValue()));
                values.put(URL, m.get(URL));
                expected.put(id, new Expected(values, Optional.empty()));
            });
            return expected;
        }

        private static List<String> concat(List<String> list, String more) {
            List<String> all = new ArrayList<>(list);
            all.add(more);
            return all;
        }
    }

    // ---- the real-world corpus -----------------------------------------------------------------

    /**
     * How one corpus file is run.
     *
     * @param springName the name Spring reads it by
     * @param profiles   the profiles that select it (or its documents)
     * @param env        variables the deployment would set; given only where Spring would otherwise
     *                   not run the pool (said per file)
     * @param type       a non-HikariCP {@code spring.datasource.type}, when the file names one
     * @param expected   what Spring runs the app's pools with (for a non-HikariCP pool: what the
     *                   Hikari binding alone would give, which nothing runs)
     */
    record CorpusFile(String springName, List<String> profiles, Map<String, String> env, Optional<String> type,
                      Map<String, Expected> expected) {
    }

    static final String APP = "svc";

    private static final Map<String, CorpusFile> CORPUS = corpusTable();

    private static Map<String, CorpusFile> corpusTable() {
        Map<String, CorpusFile> t = new TreeMap<>();
        // A Terraform template: url is "${db_endpoint}", which Terraform fills in. Left alone, the pool
        // gets the placeholder text as its URL and fails at the first connection, so the variable is
        // given. maximum-pool-size and minimum-idle sit directly under spring.datasource (Boot 1.x
        // style): nothing binds them, the pool runs with HikariCP's defaults.
        t.put("adaptive-alerting-application_yaml-terraform.tpl", new CorpusFile("application.yml", List.of(),
                Map.of("db_endpoint", "jdbc:mysql://aa-db.internal:3306/aa"), Optional.empty(),
                Map.of(APP, Expected.runs(10, 10, 1800000, 600000, 30000, 120000,
                        "jdbc:mysql://aa-db.internal:3306/aa"))));
        // A top-level dotted key "spring.datasource:" beside a "spring:" mapping; the URL refers to
        // two other keys of the file.
        t.put("canal-admin-application-dotted-key.yml", new CorpusFile("application.yml", List.of(), Map.of(),
                Optional.empty(), Map.of(APP, Expected.runs(30, 1, 1800000, 600000, 30000, 120000,
                        "jdbc:mysql://127.0.0.1:3306/canal_manager?useUnicode=true&characterEncoding=UTF-8"
                                + "&useSSL=false"))));
        // The mysql profile's document replaces the PostgreSQL URL and keeps the base document's pool.
        t.put("dolphinscheduler-api-application-multidoc-profiles.yaml", new CorpusFile("application.yaml",
                List.of("mysql"), Map.of(), Optional.empty(), Map.of(APP, Expected.runs(50, 5, 1800000, 600000,
                        30000, 120000, "jdbc:mysql://127.0.0.1:3306/dolphinscheduler"))));
        // Every pool value is a ${FINERACT_…:default}; camelCase keys; the URL is hikari.jdbcUrl.
        t.put("fineract-application-hikari-env-placeholders.properties", new CorpusFile("application.properties",
                List.of(), Map.of(), Optional.empty(), Map.of(APP, Expected.runs(10, 3, 1800000, 60000, 20000, 120000,
                        "jdbc:mariadb://localhost:3306/fineract_tenants"))));
        // The URL is jdbc:mysql://${DB_HOST}:3306/${MYSQL_DATABASE}, without defaults: the Kubernetes
        // ConfigMap sets them. Left alone, Spring starts but hands the placeholder text to the driver,
        // so the variables are given.
        t.put("k8s-docker-springboot-application.properties", new CorpusFile("application.properties", List.of(),
                Map.of("DB_HOST", "mysql", "MYSQL_DATABASE", "assignment"), Optional.empty(),
                Map.of(APP, Expected.runs(5, 2, 600000, 30000, 30000, 120000, "jdbc:mysql://mysql:3306/assignment"))));
        // A profile file, read because the mysql profile is active; no pool keys.
        t.put("petclinic-application-mysql.properties", new CorpusFile("application-mysql.properties",
                List.of("mysql"), Map.of(), Optional.empty(), Map.of(APP, Expected.runs(10, 10, 1800000, 600000,
                        30000, 120000, "jdbc:mysql://localhost/petclinic"))));
        // Alibaba Druid, through the druid profile: spring.datasource.type names DruidDataSource, and
        // the pool keys (spring.datasource.druid.*) are bound by RuoYi's own code. The Hikari binding
        // alone gives HikariCP's defaults and no URL, which no pool runs with.
        t.put("ruoyi-vue-application-druid-master-slave.yml", new CorpusFile("application-druid.yml",
                List.of("druid"), Map.of(), Optional.of("com.alibaba.druid.pool.DruidDataSource"),
                Map.of(APP, Expected.runs(10, 10, 1800000, 600000, 30000, 120000, null))));
        t.put("xxl-job-admin-application.properties", new CorpusFile("application.properties", List.of(), Map.of(),
                Optional.empty(), Map.of(APP, Expected.runs(30, 10, 900000, 30000, 10000, 120000,
                        "jdbc:mysql://127.0.0.1:3306/xxl_job?useUnicode=true&characterEncoding=UTF-8&autoReconnect=true"
                                + "&serverTimezone=Asia/Shanghai"))));
        return t;
    }

    /** A connlint.yml declaring app {@value #APP} with one config file, its profiles and env. */
    static String connlintYml(String config, List<String> profiles, Map<String, String> env) {
        StringBuilder yml = new StringBuilder("servers:\n  main:\n    engine: mysql-8.0\napps:\n  " + APP + ":\n");
        yml.append("    config: [").append(quoted(config)).append("]\n");
        if (!profiles.isEmpty()) {
            yml.append("    profiles: [").append(profiles.stream().map(SpringBinderOracleTest::quoted)
                    .collect(Collectors.joining(", "))).append("]\n");
        }
        if (!env.isEmpty()) {
            yml.append("    env:\n");
            new TreeMap<>(env).forEach((k, v) -> yml.append("      ").append(quoted(k)).append(": ")
                    .append(quoted(v)).append('\n'));
        }
        yml.append("    instances: 1\n");
        return yml.toString();
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
