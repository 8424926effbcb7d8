package io.connlint.core.read.spring;

import io.connlint.core.read.FileAccess;
import io.connlint.core.model.Note;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.RejectedValue;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.Target;
import io.connlint.core.model.UnusedKey;
import io.connlint.core.read.JdbcUrl;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.hikari.HikariProperties;
import io.connlint.core.read.hikari.HikariPropertiesReader;
import io.connlint.core.read.hikari.HikariValidation;
import io.connlint.core.read.hikari.HikariVersion;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.spring.SpringDocuments.Document;
import io.connlint.core.read.spring.SpringDocuments.Prop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Spring Boot application's configuration as Spring Boot (2.4+) applies it, and builds
 * the pools it opens: the auto-configured {@code spring.datasource} pool (HikariCP unless
 * {@code spring.datasource.type} says tomcat-jdbc or DBCP2) and pools of their own under other
 * prefixes ({@code app.datasource.reports.jdbc-url}, {@code …maximum-pool-size}, {@code …max-total}).
 *
 * <p>Order, lowest precedence first, per directory: {@code application.yaml}, {@code .yml},
 * {@code .properties}, then for each active profile {@code application-{p}.yaml}, {@code .yml},
 * {@code .properties}; within a file, later documents win, and a document with
 * {@code spring.config.activate.on-profile} counts only when its expression matches. Values from
 * connlint.yml's {@code env} stand above the files, as environment variables do.
 */
public final class SpringConfigReader {

    private static final String DATASOURCE = "spring.datasource";
    private static final String TYPE = SpringKeys.canonical("spring.datasource.type");
    private static final String URL = SpringKeys.canonical("spring.datasource.url");
    private static final String USERNAME = SpringKeys.canonical("spring.datasource.username");
    private static final String ACTIVE = SpringKeys.canonical("spring.profiles.active");
    private static final String INCLUDE = SpringKeys.canonical("spring.profiles.include");
    private static final Pattern PROFILE_FILE = Pattern.compile("application-(.+)\\.(properties|ya?ml)");
    private static final List<String> EXTENSIONS = List.of("yaml", "yml", "properties");
    private static final Set<String> EXTRA_SUFFIXES = Set.of("jdbcurl", "maximumpoolsize", "maxtotal", "maxactive");

    /** One pool the application opens. */
    public record SpringPool(String prefix, PoolKind kind, Optional<Target> target,
                             SortedMap<String, Setting<?>> settings, List<RejectedValue> rejected) {
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
    private final ProjectPaths paths;
    private final Map<String, String> env;
    private final SourceLocation envAt;
    private final List<String> filesRead = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<ReadProblem> problems = new ArrayList<>();
    private final List<UnusedKey> unused = new ArrayList<>();
    private final Map<String, Prop> merged = new LinkedHashMap<>();
    private final HikariVersion hikari;

    private SpringConfigReader(String app, ProjectPaths paths, Map<String, String> env, SourceLocation envAt,
                               HikariVersion hikari) {
        this.hikari = hikari;
        this.app = app;
        this.paths = paths;
        this.env = env;
        this.envAt = envAt;
    }

    /**
     * @param app      the application id
     * @param files    the Spring files named for the app (their directories are searched as Spring does)
     * @param profiles profiles to activate; empty to take {@code spring.profiles.active} from the files
     * @param env      environment values (connlint.yml {@code env}), declared at {@code envAt}
     * @param requirePool true when the app is declared to connect: a pool is assumed even without keys
     */
    public static Result read(String app, List<Path> files, List<String> profiles, Map<String, String> env,
                              SourceLocation envAt, ProjectPaths paths, boolean requirePool) {
        return read(app, files, profiles, env, envAt, paths, requirePool, HikariVersion.LATEST);
    }

    /** As {@link #read(String, List, List, Map, SourceLocation, ProjectPaths, boolean)}, for HikariCP {@code hikari}. */
    public static Result read(String app, List<Path> files, List<String> profiles, Map<String, String> env,
                              SourceLocation envAt, ProjectPaths paths, boolean requirePool, HikariVersion hikari) {
        SpringConfigReader reader = new SpringConfigReader(app, paths, env, envAt, hikari);
        List<String> active = reader.load(files, profiles);
        List<SpringPool> pools = reader.pools(requirePool);
        return new Result(pools, reader.filesRead, active, reader.notes, reader.problems, reader.unused);
    }

    // ---- documents and profiles ---------------------------------------------------------------

    private List<String> load(List<Path> files, List<String> declaredProfiles) {
        List<Path> directories = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        for (Path f : files) {
            Path dir = f.toAbsolutePath().normalize().getParent();
            String name = f.getFileName().toString();
            if (name.startsWith("application") && !directories.contains(dir)) {
                directories.add(dir);
            } else if (!name.startsWith("application")) {
                others.add(f);
            }
        }
        List<List<Document>> base = new ArrayList<>();
        for (Path dir : directories) {
            for (String ext : EXTENSIONS) {
                read(dir.resolve("application." + ext)).ifPresent(base::add);
            }
        }
        for (Path f : others) {
            read(f).ifPresent(base::add);
        }
        List<String> active = activeProfiles(base, declaredProfiles);
        Set<String> activeSet = new LinkedHashSet<>(active);
        for (List<Document> documents : base) {
            apply(documents, activeSet, false);
        }
        for (String profile : active) {
            for (Path dir : directories) {
                for (String ext : EXTENSIONS) {
                    read(dir.resolve("application-" + profile + "." + ext)).ifPresent(d -> apply(d, activeSet, true));
                }
            }
        }
        for (Path f : files) {
            Matcher m = PROFILE_FILE.matcher(f.getFileName().toString());
            if (m.matches() && !activeSet.contains(m.group(1))) {
                notes.add(new Note(SourceLocation.startOf(paths.display(f)), "not read: profile '" + m.group(1)
                        + "' is not active (active: " + String.join(", ", active) + ")"));
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            String key = SpringKeys.fromEnvironment(e.getKey());
            merged.put(key, new Prop(e.getKey(), key, e.getValue(), envAt, Optional.empty()));
        }
        return active;
    }

    private Optional<List<Document>> read(Path file) {
        if (!FileAccess.isRegularFile(file)) {
            return Optional.empty();
        }
        String display = paths.display(file);
        try {
            List<Document> documents = SpringDocuments.read(TextFile.read(file, display));
            filesRead.add(display);
            return Optional.of(documents);
        } catch (TextFile.Unreadable e) {
            problems.add(e.problem());
            return Optional.empty();
        }
    }

    /** connlint.yml's profiles; else SPRING_PROFILES_ACTIVE; else the files' spring.profiles.active; else default. */
    private List<String> activeProfiles(List<List<Document>> base, List<String> declared) {
        Set<String> profiles = new LinkedHashSet<>(declared);
        if (profiles.isEmpty()) {
            String fromEnv = env.get("SPRING_PROFILES_ACTIVE");
            String fromFiles = null;
            // Spring Boot takes spring.profiles.active from every document, even one gated by a profile
            for (List<Document> documents : base) {
                for (Document d : documents) {
                    Optional<Prop> p = d.get(ACTIVE);
                    if (p.isPresent()) {
                        fromFiles = p.get().value();
                    }
                }
            }
            String list = fromEnv != null ? fromEnv : fromFiles;
            if (list != null) {
                for (String p : list.split(",")) {
                    if (!p.isBlank()) {
                        profiles.add(p.trim());
                    }
                }
            }
        }
        for (List<Document> documents : base) {
            for (Document d : documents) {
                if (activation(d).isEmpty()) {
                    d.get(INCLUDE).ifPresent(p -> {
                        for (String s : p.value().split(",")) {
                            if (!s.isBlank()) {
                                profiles.add(s.trim());
                            }
                        }
                    });
                }
            }
        }
        if (profiles.isEmpty()) {
            profiles.add("default");
        }
        return expandGroups(List.copyOf(profiles), base);
    }

    /** {@code spring.profiles.group.<name>: a, b} adds a and b after name. */
    private static List<String> expandGroups(List<String> profiles, List<List<Document>> base) {
        Map<String, String> groups = new LinkedHashMap<>();
        String prefix = SpringKeys.canonical("spring.profiles.group") + ".";
        for (List<Document> documents : base) {
            for (Document d : documents) {
                if (activation(d).isEmpty()) {
                    for (Prop p : d.props()) {
                        if (p.canonical().startsWith(prefix)) {
                            String name = p.key().substring(p.key().lastIndexOf('.') + 1).replaceFirst("\\[\\d+]$", "");
                            groups.merge(name, p.value(), (a, b) -> a + "," + b);
                        }
                    }
                }
            }
        }
        Set<String> expanded = new LinkedHashSet<>();
        for (String profile : profiles) {
            expanded.add(profile);
            String members = groups.get(profile);
            if (members != null) {
                for (String m : members.split(",")) {
                    if (!m.isBlank()) {
                        expanded.add(m.trim());
                    }
                }
            }
        }
        return List.copyOf(expanded);
    }

    /**
     * The document's activation expression: on-profile (a YAML list is any of its items), or the
     * legacy spring.profiles key.
     */
    private static Optional<Prop> activation(Document d) {
        Optional<Prop> onProfile = d.get(SpringDocuments.ON_PROFILE);
        if (onProfile.isEmpty()) {
            List<Prop> items = d.props().stream()
                    .filter(p -> p.canonical().startsWith(SpringDocuments.ON_PROFILE + "[")).toList();
            if (!items.isEmpty()) {
                String any = String.join(",", items.stream().map(Prop::value).toList());
                onProfile = Optional.of(new Prop(items.get(0).key(), SpringDocuments.ON_PROFILE, any, items.get(0).at(),
                        Optional.empty()));
            }
        }
        return onProfile.or(() -> d.get(SpringDocuments.LEGACY_PROFILES));
    }

    private void apply(List<Document> documents, Set<String> active, boolean profileSpecific) {
        for (Document d : documents) {
            if (profileSpecific) {
                for (String key : List.of("spring.profiles.active", "spring.profiles.default", "spring.profiles.include")) {
                    d.get(SpringKeys.canonical(key)).ifPresent(p -> problems.add(ReadProblem.unreadable(p.at(),
                            "Spring Boot refuses to start: '" + key + "' is invalid in a profile-specific file")));
                }
            }
            if (d.get(SpringDocuments.ON_PROFILE).isPresent()) {
                d.get(INCLUDE).ifPresent(p -> problems.add(ReadProblem.unreadable(p.at(), "Spring Boot refuses to"
                        + " start: a document gated by spring.config.activate.on-profile cannot contain"
                        + " 'spring.profiles.include'")));
            }
            Optional<Prop> legacy = d.get(SpringDocuments.LEGACY_PROFILES);
            legacy.ifPresent(p -> unused.add(new UnusedKey(p.at(), p.key(), app, UnusedKey.Kind.LEGACY_PROFILES,
                    "spring.config.activate.on-profile", List.of())));
            Optional<Prop> expression = activation(d);
            if (expression.isPresent()) {
                boolean matches;
                try {
                    matches = ProfileExpression.matches(expression.get().value(), active);
                } catch (IllegalArgumentException e) {
                    problems.add(ReadProblem.unreadable(expression.get().at(), e.getMessage()));
                    continue;
                }
                if (!matches) {
                    continue;
                }
            }
            // within one document the binder finds the canonical kebab-case key first
            Map<String, Prop> document = new LinkedHashMap<>();
            for (Prop p : d.props()) {
                Prop earlier = document.get(p.canonical());
                if (earlier == null || !earlier.isKebab() || p.isKebab()) {
                    document.put(p.canonical(), p);
                }
            }
            for (Prop p : document.values()) {
                merged.remove(p.canonical());
                merged.put(p.canonical(), p);
            }
        }
    }

    // ---- values -------------------------------------------------------------------------------

    /**
     * A placeholder's value: an environment variable of exactly that name; or, for a name in
     * Spring's canonical form ({@code app.pool-size}), the relaxed environment forms
     * ({@code APP_POOLSIZE}, {@code APP_POOL_SIZE}) and any spelling of the key in the files; a name
     * in another form only finds a key written exactly so.
     */
    /**
     * Whether {@code name} is in Spring's canonical form: dot-separated words of {@code [a-z0-9]}
     * joined by single dashes, with {@code [index]} parts. Scanned by hand: a regex with a repeated
     * group recursed once per part and overflowed the stack on a long placeholder name.
     */
    static boolean isCanonical(String name) {
        int i = dashedWord(name, 0);
        if (i < 0) {
            return false;
        }
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '.') {
                i = dashedWord(name, i + 1);
                if (i < 0) {
                    return false;
                }
            } else if (c == '[') {
                int close = name.indexOf(']', i + 1);
                if (close < 0) {
                    return false;
                }
                i = close + 1;
            } else {
                return false;
            }
        }
        return true;
    }

    /** The end of {@code [a-z0-9]+(-[a-z0-9]+)*} at {@code from}, or -1. */
    private static int dashedWord(String s, int from) {
        int i = from;
        while (true) {
            int start = i;
            while (i < s.length() && (s.charAt(i) >= 'a' && s.charAt(i) <= 'z' || s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
                i++;
            }
            if (i == start) {
                return -1;
            }
            if (i < s.length() && s.charAt(i) == '-') {
                i++;
                continue;
            }
            return i;
        }
    }

    private Optional<String> lookup(String name) {
        if (env.containsKey(name)) {
            return Optional.of(env.get(name));
        }
        if (isCanonical(name)) {
            String upper = name.toUpperCase(Locale.ROOT).replace('.', '_');
            for (String candidate : List.of(upper.replace("-", ""), upper.replace('-', '_'))) {
                if (env.containsKey(candidate)) {
                    return Optional.of(env.get(candidate));
                }
            }
            Prop p = merged.get(SpringKeys.canonical(name));
            return p == null ? Optional.empty() : Optional.of(p.value());
        }
        return merged.values().stream().filter(p -> p.key().equals(name)).map(Prop::value).reduce((a, b) -> b);
    }

    private Placeholders.Resolved resolve(Prop p) {
        return new Placeholders(this::lookup).resolve(p.value());
    }

    /** A string value; empty (with a note) when it depends on something unknown. */
    private Optional<String> string(Prop p, String what) {
        Placeholders.Resolved r = resolve(p);
        if (!r.complete()) {
            notes.add(new Note(p.at(), what + " comes from " + placeholders(r) + ", which has no value or default;"
                    + " connlint cannot tell it statically"));
            return Optional.empty();
        }
        return Optional.of(r.value());
    }

    private static String placeholders(Placeholders.Resolved r) {
        return String.join(", ", r.unresolved().stream().map(n -> "${" + n + "}").toList());
    }

    private List<Prop> under(String canonicalPrefix) {
        List<Prop> props = new ArrayList<>();
        for (Prop p : merged.values()) {
            if (SpringKeys.isUnder(p.canonical(), canonicalPrefix) && !p.canonical().equals(canonicalPrefix)) {
                props.add(p);
            }
        }
        return props;
    }

    // ---- pools --------------------------------------------------------------------------------

    private List<SpringPool> pools(boolean requirePool) {
        List<SpringPool> pools = new ArrayList<>();
        List<String> extraPrefixes = extraPrefixes();
        boolean hasMain = merged.keySet().stream().anyMatch(k -> SpringKeys.isUnder(k, DATASOURCE));
        if (hasMain || (requirePool && extraPrefixes.isEmpty())) {
            mainPool().ifPresent(pools::add);
        }
        for (String prefix : extraPrefixes) {
            extraPool(prefix).ifPresent(pools::add);
        }
        return pools;
    }

    private Optional<SpringPool> mainPool() {
        PoolKind kind = PoolKind.SPRING_HIKARI;
        Prop type = merged.get(TYPE);
        if (type != null) {
            Optional<String> t = string(type, "spring.datasource.type");
            if (t.isPresent()) {
                Optional<PoolKind> k = PoolKeys.kindOfType(t.get());
                if (k.isEmpty()) {
                    notes.add(new Note(type.at(), "spring.datasource.type " + t.get() + " is a pool connlint does not"
                            + " model; the pools of " + app + " are not in the budget"));
                    return Optional.empty();
                }
                kind = k.get();
            }
        }
        String poolPrefix = switch (kind) {
            case TOMCAT_JDBC -> "spring.datasource.tomcat";
            case DBCP2 -> "spring.datasource.dbcp2";
            default -> "spring.datasource.hikari";
        };
        misplaced(poolPrefix);
        Optional<Prop> url = Optional.ofNullable(merged.get(SpringKeys.canonical(poolPrefix + ".jdbc-url")))
                .or(() -> Optional.ofNullable(merged.get(SpringKeys.canonical(poolPrefix + ".url"))))
                .or(() -> Optional.ofNullable(merged.get(URL)));
        Optional<Prop> user = Optional.ofNullable(merged.get(SpringKeys.canonical(poolPrefix + ".username")))
                .or(() -> Optional.ofNullable(merged.get(USERNAME)));
        return pool(DATASOURCE, kind, SpringKeys.canonical(poolPrefix), List.of(), List.of(poolPrefix), url, user);
    }

    /** Prefixes of pools of their own: where a jdbc-url, maximum-pool-size, max-total or max-active stands. */
    private List<String> extraPrefixes() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (Prop p : merged.values()) {
            if (SpringKeys.isUnder(p.canonical(), DATASOURCE) || p.canonical().startsWith("spring.")) {
                continue;
            }
            int dot = p.canonical().lastIndexOf('.');
            if (dot < 0 || !EXTRA_SUFFIXES.contains(p.canonical().substring(dot + 1))) {
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
        Prop enabled = merged.get(prefix + ".enabled");
        if (enabled != null && string(enabled, writtenPrefix + ".enabled").map(v -> v.trim().equalsIgnoreCase("false"))
                .orElse(false)) {
            notes.add(new Note(enabled.at(), "the datasource under " + writtenPrefix
                    + " is disabled (enabled: false); it is not in the budget"));
            return Optional.empty();
        }
        PoolKind kind = PoolKind.SPRING_HIKARI;
        if (merged.containsKey(prefix + ".maxtotal") || merged.containsKey(prefix + ".configuration.maxtotal")) {
            kind = PoolKind.DBCP2;
        } else if (merged.containsKey(prefix + ".maxactive") || merged.containsKey(prefix + ".configuration.maxactive")) {
            kind = PoolKind.TOMCAT_JDBC;
        }
        Optional<Prop> url = Optional.ofNullable(merged.get(prefix + ".jdbcurl"))
                .or(() -> Optional.ofNullable(merged.get(prefix + ".url")))
                .or(() -> Optional.ofNullable(merged.get(prefix + ".configuration.jdbcurl")));
        Optional<Prop> user = Optional.ofNullable(merged.get(prefix + ".username"))
                .or(() -> Optional.ofNullable(merged.get(prefix + ".configuration.username")));
        return pool(writtenPrefix, kind, prefix, List.of(prefix + ".configuration"),
                List.of(writtenPrefix, writtenPrefix + ".configuration"), url, user);
    }

    /**
     * Builds a pool from the properties under {@code canonicalPrefix} (and {@code alsoUnder}).
     * Empty when its URL names another database than MySQL/MariaDB.
     */
    private Optional<SpringPool> pool(String id, PoolKind kind, String canonicalPrefix, List<String> alsoUnder,
                                      List<String> writtenPrefixes, Optional<Prop> url, Optional<Prop> user) {
        Optional<Target> target = Optional.empty();
        if (url.isPresent()) {
            Optional<String> u = string(url.get(), "the URL of " + app);
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
                Optional<Setting<String>> account = user.flatMap(p -> string(p, "the username of " + app)
                        .map(v -> Setting.written("username", v, p.value(), p.at())));
                target = JdbcUrl.parse(Setting.written("url", value, url.get().value(), url.get().at()), account);
            }
        }
        Map<String, String> properties = PoolKeys.byCanonical(kind);
        Map<String, Prop> values = new LinkedHashMap<>();
        List<String> prefixes = new ArrayList<>(List.of(canonicalPrefix));
        prefixes.addAll(alsoUnder);
        for (String prefix : prefixes) {
            for (Prop p : under(prefix)) {
                String rest = p.canonical().substring(prefix.length() + 1);
                String element = rest.split("[.\\[]", 2)[0];
                if (element.equals("configuration") && !alsoUnder.isEmpty() && prefix.equals(canonicalPrefix)) {
                    continue; // read under its own prefix
                }
                String property = properties.get(element);
                if (property == null) {
                    if (prefix.equals(canonicalPrefix) && !alsoUnder.isEmpty()) {
                        continue; // a pool of its own may have keys of the app's own beside the pool's
                    }
                    unused.add(new UnusedKey(p.at(), p.key(), app, UnusedKey.Kind.UNKNOWN_PROPERTY,
                            kindName(kind).replace(" " + hikari, ""), PoolKeys.properties(kind).stream().map(PoolKeys::kebab).toList()));
                    continue;
                }
                if (rest.equals(element)) {
                    values.put(property, p);
                }
            }
        }
        SortedMap<String, Setting<?>> settings = new TreeMap<>();
        List<RejectedValue> rejected = new ArrayList<>();
        for (PoolKeys.Numeric n : PoolKeys.numeric(kind)) {
            Prop p = legacyEnvironment(writtenPrefixes, n.property()).orElse(values.get(n.property()));
            if (p == null) {
                n.defaultValue().ifPresent(d -> settings.put(n.setting(),
                        Setting.engineDefault(n.property(), d, kindName(kind))));
                continue;
            }
            Placeholders.Resolved r = resolve(p);
            if (!r.circular().isEmpty()) {
                rejected.add(new RejectedValue(p.at(), p.key(), p.value(), "circular placeholder reference "
                        + String.join(", ", r.circular().stream().map(c -> "${" + c + "}").toList())
                        + "; Spring Boot fails to start"));
                continue;
            }
            if (!r.complete()) {
                Optional<Long> assumed = n.defaultValue().or(() -> kind == PoolKind.SPRING_HIKARI
                        ? HikariProperties.byKey(n.property(), hikari).flatMap(h -> h.defaultIn(hikari))
                        : Optional.empty());
                notes.add(new Note(p.at(), n.property() + " of pool " + poolId(id) + " comes from " + placeholders(r)
                        + ", which has no value or default: "
                        + assumed.map(d -> "assumed " + d + " (" + kindName(kind) + "'s default)")
                                .orElse("assumed " + kindName(kind) + "'s default")));
                assumed.ifPresent(d -> settings.put(n.setting(), Setting.assumed(n.property(), d,
                        placeholders(r) + " has no value or default")));
                continue;
            }
            Optional<Long> number = p.typed().isPresent() ? typedNumber(p.typed().get(), n.isInt())
                    : springNumber(r.value(), n.isInt());
            if (number.isEmpty()) {
                rejected.add(new RejectedValue(p.at(), p.key(), p.value(), "'" + r.value() + "' cannot be converted to "
                        + (n.isInt() ? "int" : "long") + "; Spring Boot fails to bind the pool"));
                continue;
            }
            if (kind == PoolKind.SPRING_HIKARI) {
                Optional<String> refused = HikariPropertiesReader.refusedBySetter(n.property(), number.get());
                if (refused.isPresent()) {
                    rejected.add(new RejectedValue(p.at(), p.key(), p.value(), refused.get(),
                            Optional.of(HikariPropertiesReader.accepted(n.property())
                                    .replace(n.property() + "=", PoolKeys.kebab(n.property()) + ": "))));
                    continue;
                }
            }
            Setting<Long> written = Setting.written(n.property(), number.get(), p.value(), p.at());
            if (kind == PoolKind.SPRING_HIKARI && n.property().equals("connectionTimeout") && number.get() == 0) {
                written = written.runsWith((long) Integer.MAX_VALUE, Setting.Kind.SPECIAL_VALUE,
                        "connectionTimeout 0 means wait forever: HikariCP uses 2147483647 ms");
            }
            settings.put(n.setting(), written);
        }
        if (kind == PoolKind.SPRING_HIKARI) {
            HikariPropertiesReader.fillDefaults(settings, hikari);
            HikariValidation.apply(settings);
        } else if (!settings.containsKey("minimumIdle")) {
            settings.put("minimumIdle", settings.get("maximumPoolSize"));
        }
        return Optional.of(new SpringPool(id, kind, target, settings, rejected));
    }

    /**
     * The legacy environment form of a pool property, with dashes turned into underscores
     * ({@code SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE}; SystemEnvironmentPropertyMapper), which
     * the modern form (dashes removed) does not cover.
     */
    private Optional<Prop> legacyEnvironment(List<String> writtenPrefixes, String property) {
        for (String prefix : writtenPrefixes) {
            String name = (prefix + "." + PoolKeys.kebab(property)).toUpperCase(Locale.ROOT).replace('.', '_')
                    .replace('-', '_');
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return Optional.of(new Prop(e.getKey(), SpringKeys.canonical(prefix + "." + property), e.getValue(),
                            envAt, Optional.empty()));
                }
            }
        }
        return Optional.empty();
    }

    /** Keys of the pool written directly under spring.datasource, where Spring Boot 2+ reads nothing. */
    private void misplaced(String poolPrefix) {
        Set<String> poolProperties = new LinkedHashSet<>();
        for (PoolKind k : List.of(PoolKind.SPRING_HIKARI, PoolKind.TOMCAT_JDBC, PoolKind.DBCP2)) {
            PoolKeys.numeric(k).forEach(n -> poolProperties.add(SpringKeys.canonical(n.property())));
        }
        for (Prop p : under(DATASOURCE)) {
            String rest = p.canonical().substring(DATASOURCE.length() + 1);
            if (poolProperties.contains(rest)) {
                String property = PoolKeys.kebab(PoolKeys.byCanonical(PoolKind.SPRING_HIKARI).getOrDefault(rest,
                        PoolKeys.byCanonical(PoolKind.TOMCAT_JDBC).getOrDefault(rest,
                                PoolKeys.byCanonical(PoolKind.DBCP2).getOrDefault(rest, rest))));
                unused.add(new UnusedKey(p.at(), p.key(), app, UnusedKey.Kind.MISPLACED,
                        poolPrefix + "." + property + " (Spring Boot 2 and later)", List.of()));
            }
        }
    }

    /** A number YAML typed, converted as Spring's NumberUtils does: fractions truncated, overflow refused. */
    static Optional<Long> typedNumber(Number n, boolean isInt) {
        if (n instanceof java.math.BigInteger big && big.bitLength() >= 64) {
            return Optional.empty();
        }
        if (n instanceof Double d && (d.isNaN() || d.isInfinite() || d >= 0x1p63 || d < -0x1p63)) {
            return Optional.empty();
        }
        long value = n.longValue();
        if (isInt && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * A number as Spring's conversion reads it: white space removed, decimal or {@code 0x} hex
     * (NumberUtils.parseNumber).
     */
    static Optional<Long> springNumber(String text, boolean isInt) {
        String t = text.replaceAll("\\s", "");
        try {
            long value;
            if (t.startsWith("0x") || t.startsWith("0X") || t.startsWith("#")) {
                value = Long.decode(t);
            } else if (t.startsWith("-0x") || t.startsWith("-0X") || t.startsWith("-#")) {
                value = Long.decode(t);
            } else {
                value = Long.parseLong(t);
            }
            if (isInt && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String poolId(String prefix) {
        return prefix.equals(DATASOURCE) ? app : app + "/" + prefix;
    }

    private static String describeUrl(String url) {
        int second = url.indexOf(':', 5);
        return second > 0 ? url.substring(0, second) : url;
    }

    private String kindName(PoolKind kind) {
        return switch (kind) {
            case TOMCAT_JDBC -> "tomcat-jdbc";
            case DBCP2 -> "commons-dbcp2";
            default -> hikari.engine();
        };
    }
}
