package io.connlint.core.read.spring;

import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.UnusedKey;
import io.connlint.core.read.FileAccess;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.spring.SpringDocuments.Document;
import io.connlint.core.read.spring.SpringDocuments.Prop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Spring Boot application's configuration, resolved as Spring Boot (2.4+) resolves it: its
 * property sources layered by precedence, profiles, relaxed names and placeholders. What any pool
 * library bound by Spring Boot reads its keys from.
 *
 * <p>Order, lowest precedence first, per directory: {@code application.yaml}, {@code .yml},
 * {@code .properties}, then for each active profile {@code application-{p}.yaml}, {@code .yml},
 * {@code .properties}; within a file, later documents win, and a document with
 * {@code spring.config.activate.on-profile} counts only when its expression matches. Values from
 * connlint.yml's {@code env} stand above the files, as environment variables do.
 */
public final class SpringConfiguration {

    private static final Pattern PROFILE_FILE = Pattern.compile("application-(.+)\\.(properties|ya?ml)");
    private static final List<String> EXTENSIONS = List.of("yaml", "yml", "properties");

    private final String app;
    private final ProjectPaths paths;
    private final Map<String, String> env;
    private final SourceLocation envAt;
    private final List<String> filesRead = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<ReadProblem> problems = new ArrayList<>();
    private final List<UnusedKey> unused = new ArrayList<>();
    private final Map<String, Prop> merged = new LinkedHashMap<>();
    private List<String> activeProfiles = List.of();

    private SpringConfiguration(String app, ProjectPaths paths, Map<String, String> env, SourceLocation envAt) {
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
     */
    public static SpringConfiguration read(String app, List<Path> files, List<String> profiles, Map<String, String> env,
                                           SourceLocation envAt, ProjectPaths paths) {
        SpringConfiguration configuration = new SpringConfiguration(app, paths, env, envAt);
        configuration.activeProfiles = configuration.load(files, profiles);
        return configuration;
    }

    /** The files read, project-relative. */
    public List<String> filesRead() {
        return Collections.unmodifiableList(filesRead);
    }

    public List<String> activeProfiles() {
        return activeProfiles;
    }

    /** What was assumed while reading (profile files not read). */
    public List<Note> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** Files that cannot be read, and what makes Spring Boot refuse to start. */
    public List<ReadProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Keys Spring Boot reads nothing from (the legacy {@code spring.profiles}). */
    public List<UnusedKey> unused() {
        return Collections.unmodifiableList(unused);
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
        List<String> active = SpringProfiles.active(base, declaredProfiles, env);
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

    private void apply(List<Document> documents, Set<String> active, boolean profileSpecific) {
        for (Document d : documents) {
            if (profileSpecific) {
                for (String key : List.of("spring.profiles.active", "spring.profiles.default", "spring.profiles.include")) {
                    d.get(SpringKeys.canonical(key)).ifPresent(p -> problems.add(ReadProblem.unreadable(p.at(),
                            "Spring Boot refuses to start: '" + key + "' is invalid in a profile-specific file")));
                }
            }
            if (d.get(SpringDocuments.ON_PROFILE).isPresent()) {
                d.get(SpringProfiles.INCLUDE).ifPresent(p -> problems.add(ReadProblem.unreadable(p.at(), "Spring Boot"
                        + " refuses to start: a document gated by spring.config.activate.on-profile cannot contain"
                        + " 'spring.profiles.include'")));
            }
            Optional<Prop> legacy = d.get(SpringDocuments.LEGACY_PROFILES);
            legacy.ifPresent(p -> unused.add(new UnusedKey(p.at(), p.key(), app, UnusedKey.Kind.LEGACY_PROFILES,
                    "spring.config.activate.on-profile", List.of())));
            Optional<Prop> expression = SpringProfiles.activation(d);
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

    // ---- properties ---------------------------------------------------------------------------

    /** The winning property of a canonical key ({@link SpringKeys#canonical}). */
    public Optional<Prop> get(String canonicalKey) {
        return Optional.ofNullable(merged.get(canonicalKey));
    }

    /** True when a property has the canonical key. */
    public boolean has(String canonicalKey) {
        return merged.containsKey(canonicalKey);
    }

    /** Every winning property, in the order it was last set. */
    public Collection<Prop> all() {
        return Collections.unmodifiableCollection(merged.values());
    }

    /** The properties under a canonical prefix (not the prefix itself). */
    public List<Prop> under(String canonicalPrefix) {
        List<Prop> props = new ArrayList<>();
        for (Prop p : merged.values()) {
            if (SpringKeys.isUnder(p.canonical(), canonicalPrefix) && !p.canonical().equals(canonicalPrefix)) {
                props.add(p);
            }
        }
        return props;
    }

    /**
     * The legacy environment form of a property, with dashes turned into underscores
     * ({@code SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE}; SystemEnvironmentPropertyMapper), which
     * the modern form (dashes removed) does not cover: for {@code property} under the first of
     * {@code writtenPrefixes} that has one.
     */
    public Optional<Prop> legacyEnvironment(List<String> writtenPrefixes, String property) {
        for (String prefix : writtenPrefixes) {
            String name = (prefix + "." + SpringKeys.kebab(property)).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return Optional.of(new Prop(e.getKey(), SpringKeys.canonical(prefix + "." + property), e.getValue(),
                            envAt, Optional.empty()));
                }
            }
        }
        return Optional.empty();
    }

    // ---- values -------------------------------------------------------------------------------

    /** The property's value with its placeholders resolved, and what could not be resolved. */
    public Placeholders.Resolved resolve(Prop p) {
        return new Placeholders(this::lookup).resolve(p.value());
    }

    /** A string value; empty, with a note in {@code notes}, when it depends on something unknown. */
    public Optional<String> string(Prop p, String what, List<Note> notes) {
        Placeholders.Resolved r = resolve(p);
        if (!r.complete()) {
            notes.add(new Note(p.at(), what + " comes from " + placeholders(r) + ", which has no value or default;"
                    + " connlint cannot tell it statically"));
            return Optional.empty();
        }
        return Optional.of(r.value());
    }

    /** {@code ${A}, ${B}}: the placeholders that had neither a value nor a default. */
    public static String placeholders(Placeholders.Resolved r) {
        return String.join(", ", r.unresolved().stream().map(n -> "${" + n + "}").toList());
    }

    /**
     * A placeholder's value: an environment variable of exactly that name; or, for a name in
     * Spring's canonical form ({@code app.pool-size}), the relaxed environment forms
     * ({@code APP_POOLSIZE}, {@code APP_POOL_SIZE}) and any spelling of the key in the files; a name
     * in another form only finds a key written exactly so.
     */
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
}
