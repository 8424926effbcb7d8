package io.connlint.core.pool;

import io.connlint.core.model.Note;
import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.RejectedValue;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.Target;
import io.connlint.core.model.UnusedKey;
import io.connlint.core.read.JdbcUrl;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.spring.Placeholders;
import io.connlint.core.read.spring.SpringConfiguration;
import io.connlint.core.read.spring.SpringDocuments.Prop;
import io.connlint.core.read.spring.SpringKeys;
import io.connlint.core.read.spring.SpringNumbers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pools a Spring Boot application opens, from its resolved configuration: the auto-configured
 * {@code spring.datasource} pool (the library {@code spring.datasource.type} selects, else Spring
 * Boot's default) and pools of their own under other prefixes ({@code app.datasource.reports.jdbc-url},
 * {@code …maximum-pool-size}, {@code …max-total}), each read through its library's descriptor.
 */
public final class SpringPools {

    private static final String DATASOURCE = "spring.datasource";
    private static final String TYPE = SpringKeys.canonical("spring.datasource.type");
    private static final String URL = SpringKeys.canonical("spring.datasource.url");
    private static final String USERNAME = SpringKeys.canonical("spring.datasource.username");
    private static final String FRAMEWORK = "Spring Boot";

    /**
     * One pool the application opens.
     *
     * @param settings what the library runs with, by the library's key names
     */
    public record SpringPool(String prefix, PoolLibrary library, SpringBinding binding, Optional<Target> target,
                             Map<String, Setting<Long>> settings, List<RejectedValue> rejected) {
        /** True for the auto-configured {@code spring.datasource} pool. */
        public boolean isMain() {
            return prefix.equals(DATASOURCE);
        }
    }

    /** What the application's configuration gave. */
    public record Result(List<SpringPool> pools, List<String> filesRead, List<String> activeProfiles,
                         List<Note> notes, List<ReadProblem> problems, List<UnusedKey> unused) {
    }

    private final String app;
    private final SpringConfiguration config;
    private final Map<String, String> releases;
    private final List<Note> notes;
    private final List<UnusedKey> unused;

    private SpringPools(String app, SpringConfiguration config, Map<String, String> releases) {
        this.app = app;
        this.config = config;
        this.releases = releases;
        this.notes = new ArrayList<>(config.notes());
        this.unused = new ArrayList<>(config.unused());
    }

    /** As {@link #read(String, List, List, Map, SourceLocation, ProjectPaths, boolean, Map)}, with the latest releases. */
    public static Result read(String app, List<Path> files, List<String> profiles, Map<String, String> env,
                              SourceLocation envAt, ProjectPaths paths, boolean requirePool) {
        return read(app, files, profiles, env, envAt, paths, requirePool, Map.of());
    }

    /**
     * @param requirePool true when the app is declared to connect: a pool is assumed even without keys
     * @param releases    the release of each library (by {@link PoolLibrary#name()}) whose defaults apply
     */
    public static Result read(String app, List<Path> files, List<String> profiles, Map<String, String> env,
                              SourceLocation envAt, ProjectPaths paths, boolean requirePool, Map<String, String> releases) {
        SpringConfiguration config = SpringConfiguration.read(app, files, profiles, env, envAt, paths);
        SpringPools reader = new SpringPools(app, config, releases);
        List<SpringPool> pools = reader.pools(requirePool);
        return new Result(pools, config.filesRead(), config.activeProfiles(), reader.notes, config.problems(),
                reader.unused);
    }

    private List<SpringPool> pools(boolean requirePool) {
        List<SpringPool> pools = new ArrayList<>();
        List<String> extraPrefixes = extraPrefixes();
        boolean hasMain = config.all().stream().anyMatch(p -> SpringKeys.isUnder(p.canonical(), DATASOURCE));
        if (hasMain || (requirePool && extraPrefixes.isEmpty())) {
            mainPool().ifPresent(pools::add);
        }
        for (String prefix : extraPrefixes) {
            extraPool(prefix).ifPresent(pools::add);
        }
        return pools;
    }

    private Optional<SpringPool> mainPool() {
        PoolLibrary library = PoolLibraries.springDefault();
        Optional<Prop> type = config.get(TYPE);
        if (type.isPresent()) {
            Optional<String> t = config.string(type.get(), "spring.datasource.type", notes);
            if (t.isPresent() && !t.get().trim().isEmpty()) {
                Optional<PoolLibrary> selected = PoolLibraries.spring().stream()
                        .filter(l -> l.spring().orElseThrow().binds(t.get().trim())).findFirst();
                if (selected.isEmpty()) {
                    notes.add(new Note(type.get().at(), "spring.datasource.type " + t.get() + " is a pool connlint"
                            + " does not model; the pools of " + app + " are not in the budget"));
                    return Optional.empty();
                }
                library = selected.get();
            }
        }
        String poolPrefix = library.spring().orElseThrow().prefix();
        misplaced(poolPrefix);
        Optional<Prop> url = config.get(SpringKeys.canonical(poolPrefix + ".jdbc-url"))
                .or(() -> config.get(SpringKeys.canonical(poolPrefix + ".url")))
                .or(() -> config.get(URL));
        Optional<Prop> user = config.get(SpringKeys.canonical(poolPrefix + ".username"))
                .or(() -> config.get(USERNAME));
        return pool(DATASOURCE, library, SpringKeys.canonical(poolPrefix), List.of(), List.of(poolPrefix), url, user);
    }

    /**
     * Prefixes of pools of their own: where a jdbc-url, or a library's maximum of connections
     * (maximum-pool-size, max-total, max-active), stands.
     */
    private List<String> extraPrefixes() {
        Set<String> suffixes = new LinkedHashSet<>(List.of("jdbcurl"));
        PoolLibraries.spring().forEach(l -> suffixes.add(SpringKeys.canonical(maxConnections(l).name())));
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (Prop p : config.all()) {
            if (SpringKeys.isUnder(p.canonical(), DATASOURCE) || p.canonical().startsWith("spring.")) {
                continue;
            }
            int dot = p.canonical().lastIndexOf('.');
            if (dot < 0 || !suffixes.contains(p.canonical().substring(dot + 1))) {
                continue;
            }
            String canonicalPrefix = p.canonical().substring(0, dot);
            String writtenPrefix = p.key().substring(0, Math.max(0, p.key().lastIndexOf('.')));
            if (canonicalPrefix.endsWith(".configuration")) {
                canonicalPrefix = canonicalPrefix.substring(0, canonicalPrefix.length() - ".configuration".length());
                writtenPrefix = writtenPrefix.substring(0, Math.max(0, writtenPrefix.lastIndexOf('.')));
            }
            prefixes.putIfAbsent(canonicalPrefix, writtenPrefix);
        }
        return List.copyOf(prefixes.values());
    }

    private Optional<SpringPool> extraPool(String writtenPrefix) {
        String prefix = SpringKeys.canonical(writtenPrefix);
        Optional<Prop> enabled = config.get(prefix + ".enabled");
        if (enabled.isPresent() && config.string(enabled.get(), writtenPrefix + ".enabled", notes)
                .map(v -> v.trim().equalsIgnoreCase("false")).orElse(false)) {
            notes.add(new Note(enabled.get().at(), "the datasource under " + writtenPrefix
                    + " is disabled (enabled: false); it is not in the budget"));
            return Optional.empty();
        }
        // a library's own maximum under the prefix says which library the pool is; else Spring Boot's default
        PoolLibrary library = PoolLibraries.spring().stream()
                .filter(l -> !l.spring().orElseThrow().isDefault())
                .filter(l -> {
                    String max = SpringKeys.canonical(maxConnections(l).name());
                    return config.has(prefix + "." + max) || config.has(prefix + ".configuration." + max);
                })
                .findFirst().orElse(PoolLibraries.springDefault());
        Optional<Prop> url = config.get(prefix + ".jdbcurl")
                .or(() -> config.get(prefix + ".url"))
                .or(() -> config.get(prefix + ".configuration.jdbcurl"));
        Optional<Prop> user = config.get(prefix + ".username")
                .or(() -> config.get(prefix + ".configuration.username"));
        return pool(writtenPrefix, library, prefix, List.of(prefix + ".configuration"),
                List.of(writtenPrefix, writtenPrefix + ".configuration"), url, user);
    }

    /**
     * Builds a pool from the properties under {@code canonicalPrefix} (and {@code alsoUnder}).
     * Empty when its URL names another database than MySQL/MariaDB.
     */
    private Optional<SpringPool> pool(String id, PoolLibrary library, String canonicalPrefix, List<String> alsoUnder,
                                      List<String> writtenPrefixes, Optional<Prop> url, Optional<Prop> user) {
        Optional<Target> target = Optional.empty();
        if (url.isPresent()) {
            Optional<String> u = config.string(url.get(), "the URL of " + app, notes);
            if (u.isPresent() && u.get().contains("${")) {
                notes.add(new Note(url.get().at(), "the URL of " + app + " keeps a literal ${…} (" + u.get()
                        + "); connlint cannot tell which server it names"));
                u = Optional.empty();
            }
            if (u.isPresent()) {
                String value = u.get().trim();
                if (value.startsWith("jdbc:") && !JdbcUrl.isMySql(value)) {
                    notes.add(new Note(url.get().at(), "the pool under " + id + " connects to " + describeUrl(value)
                            + ", not MySQL/MariaDB; it is not in the budget"));
                    return Optional.empty();
                }
                Optional<Setting<String>> account = user.flatMap(p -> config.string(p, "the username of " + app, notes)
                        .map(v -> Setting.written("username", v, p.value(), p.at())));
                target = JdbcUrl.parse(Setting.written("url", value, url.get().value(), url.get().at()), account);
            }
        }
        Map<String, Prop> values = properties(library, canonicalPrefix, alsoUnder);
        Optional<String> release = Optional.ofNullable(releases.get(library.name()));
        Map<String, Setting<Long>> settings = new LinkedHashMap<>();
        List<RejectedValue> rejected = new ArrayList<>();
        for (PoolKey key : library.keys()) {
            Optional<Prop> p = config.legacyEnvironment(writtenPrefixes, key.name())
                    .or(() -> Optional.ofNullable(values.get(key.name())));
            if (p.isPresent()) {
                number(id, library, key, p.get(), release, rejected).ifPresent(s -> settings.put(key.name(), s));
            }
        }
        return Optional.of(new SpringPool(id, library, library.spring().orElseThrow(), target,
                library.complete(settings, release), rejected));
    }

    /** The pool's properties by the library's name, and (as unused) the keys that name none. */
    private Map<String, Prop> properties(PoolLibrary library, String canonicalPrefix, List<String> alsoUnder) {
        SpringBinding binding = library.spring().orElseThrow();
        Map<String, String> byCanonical = new LinkedHashMap<>();
        binding.properties().forEach(p -> byCanonical.put(SpringKeys.canonical(p), p));
        Map<String, Prop> values = new LinkedHashMap<>();
        List<String> prefixes = new ArrayList<>(List.of(canonicalPrefix));
        prefixes.addAll(alsoUnder);
        for (String prefix : prefixes) {
            for (Prop p : config.under(prefix)) {
                String rest = p.canonical().substring(prefix.length() + 1);
                String element = rest.split("[.\\[]", 2)[0];
                if (element.equals("configuration") && !alsoUnder.isEmpty() && prefix.equals(canonicalPrefix)) {
                    continue; // read under its own prefix
                }
                String property = byCanonical.get(element);
                if (property == null) {
                    if (prefix.equals(canonicalPrefix) && !alsoUnder.isEmpty()) {
                        continue; // a pool of its own may have keys of the app's own beside the pool's
                    }
                    unused.add(new UnusedKey(p.at(), p.key(), app, UnusedKey.Kind.UNKNOWN_PROPERTY, library.name(),
                            binding.properties().stream().map(SpringKeys::kebab).toList()));
                    continue;
                }
                if (rest.equals(element)) {
                    values.put(property, p);
                }
            }
        }
        return values;
    }

    /** The number a property binds, as Spring Boot converts it; empty (with a refusal or a note) when none. */
    private Optional<Setting<Long>> number(String id, PoolLibrary library, PoolKey key, Prop p, Optional<String> release,
                                           List<RejectedValue> rejected) {
        Placeholders.Resolved r = config.resolve(p);
        if (!r.circular().isEmpty()) {
            rejected.add(new RejectedValue(p.at(), p.key(), p.value(), "circular placeholder reference "
                    + String.join(", ", r.circular().stream().map(c -> "${" + c + "}").toList())
                    + "; Spring Boot fails to start", new RejectedValue.Unbindable(FRAMEWORK)));
            return Optional.empty();
        }
        if (!r.complete()) {
            Optional<Long> assumed = library.defaultValue(key, release);
            String engine = library.engine(release);
            String placeholders = SpringConfiguration.placeholders(r);
            notes.add(new Note(p.at(), key.name() + " of pool " + poolId(id) + " comes from " + placeholders
                    + ", which has no value or default: "
                    + assumed.map(d -> "assumed " + d + " (" + engine + "'s default)")
                            .orElse("assumed " + engine + "'s default")));
            return assumed.map(d -> Setting.assumed(key.name(), d, placeholders + " has no value or default"));
        }
        Optional<Long> number = p.typed().isPresent() ? SpringNumbers.typed(p.typed().get(), key.isInt())
                : SpringNumbers.parse(r.value(), key.isInt());
        if (number.isEmpty()) {
            rejected.add(new RejectedValue(p.at(), p.key(), p.value(), "'" + r.value() + "' cannot be converted to "
                    + (key.isInt() ? "int" : "long") + "; Spring Boot fails to bind the pool",
                    new RejectedValue.Unbindable(FRAMEWORK)));
            return Optional.empty();
        }
        Optional<String> refused = library.refuses(key, number.get());
        if (refused.isPresent()) {
            rejected.add(new RejectedValue(p.at(), p.key(), p.value(), refused.get(), new RejectedValue.OutOfRange(
                    library.name(), key.name(), SpringKeys.kebab(key.name()), ": ")));
            return Optional.empty();
        }
        return Optional.of(Setting.written(key.name(), number.get(), p.value(), p.at()));
    }

    /** Keys of a pool written directly under spring.datasource, where Spring Boot 2+ reads nothing. */
    private void misplaced(String poolPrefix) {
        Set<String> poolProperties = new LinkedHashSet<>();
        for (PoolLibrary l : PoolLibraries.spring()) {
            l.keys().forEach(k -> poolProperties.add(SpringKeys.canonical(k.name())));
        }
        for (Prop p : config.under(DATASOURCE)) {
            String rest = p.canonical().substring(DATASOURCE.length() + 1);
            if (poolProperties.contains(rest)) {
                String property = PoolLibraries.spring().stream()
                        .flatMap(l -> l.spring().orElseThrow().properties().stream())
                        .filter(name -> SpringKeys.canonical(name).equals(rest)).findFirst().orElse(rest);
                unused.add(new UnusedKey(p.at(), p.key(), app, UnusedKey.Kind.MISPLACED,
                        poolPrefix + "." + SpringKeys.kebab(property) + " (Spring Boot 2 and later)", List.of()));
            }
        }
    }

    private static PoolKey maxConnections(PoolLibrary library) {
        return library.keys().stream().filter(k -> k.concept().equals(Optional.of(PoolConcept.MAX_CONNECTIONS)))
                .findFirst().orElseThrow();
    }

    private String poolId(String prefix) {
        return prefix.equals(DATASOURCE) ? app : app + "/" + prefix;
    }

    private static String describeUrl(String url) {
        int second = url.indexOf(':', 5);
        return second > 0 ? url.substring(0, second) : url;
    }
}
