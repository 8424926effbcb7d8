package io.connlint.core.config;

import io.connlint.core.finding.Severity;
import io.connlint.core.inventory.Glob;
import io.connlint.core.inventory.Selection;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.text.Similar;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.Yaml;
import io.connlint.core.read.hikari.HikariVersion;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads connlint.yml strictly: an unknown key or a value of the wrong type is a problem naming
 * the key, its position and the nearest valid key. Nothing of a bad entry is guessed; the rest of
 * the file is still read.
 */
public final class ConnlintYamlReader {

    static final List<String> TOP_KEYS = List.of("servers", "apps", "rules", "include", "exclude", "hikariVersion", "maxFileBytes",
            "followSymlinksOutside");
    /** The largest {@code maxFileBytes} accepted: 1 GiB (a file is read into memory whole). */
    static final long MAX_FILE_BYTES_CEILING = 1L << 30;
    static final List<String> SERVER_KEYS = List.of("engine", "optionFiles", "persisted", "ramMb", "openFilesLimit",
            "reserved", "hosts", "pathMap", "deployment");
    static final List<String> APP_KEYS = List.of("config", "profiles", "env", "instances", "deployment", "maxSurge",
            "maxInstances", "processes", "gunicorn", "server", "hikariVersion");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern SURGE = Pattern.compile("\\d+%?");

    private final String path;
    private final List<ReadProblem> problems = new ArrayList<>();

    private ConnlintYamlReader(String path) {
        this.path = path;
    }

    /** Reads the file; a file that is not YAML at all gives one problem and an empty config. */
    public static ProjectConfig read(TextFile file) {
        ConnlintYamlReader reader = new ConnlintYamlReader(file.path());
        try {
            List<Node> documents = Yaml.compose(file);
            if (documents.isEmpty()) {
                return new ProjectConfig(Optional.of(file.path()), Map.of(), Map.of(), Map.of(), List.of());
            }
            if (documents.size() > 1) {
                reader.invalid(documents.get(1), "connlint.yml must be one YAML document; found " + documents.size());
            }
            return reader.top(documents.get(0));
        } catch (TextFile.Unreadable e) {
            ReadProblem p = e.problem();
            return new ProjectConfig(Optional.of(file.path()), Map.of(), Map.of(), Map.of(),
                    List.of(ReadProblem.configInvalid(p.at(), p.message())));
        }
    }

    private ProjectConfig top(Node root) {
        Map<String, ServerDecl> servers = new LinkedHashMap<>();
        Map<String, AppDecl> apps = new LinkedHashMap<>();
        Map<String, RuleSetting> rules = new LinkedHashMap<>();
        long maxFileBytes = TextFile.MAX_BYTES;
        boolean followSymlinksOutside = false;
        Optional<Setting<String>> hikariVersion = Optional.empty();
        List<Glob> include = new ArrayList<>();
        List<Glob> exclude = new ArrayList<>();
        for (NodeTuple entry : mapping(root, "connlint.yml")) {
            String key = key(entry);
            Node value = entry.getValueNode();
            switch (key) {
                case "servers" -> forEachId(value, "servers", (id, at, node) -> servers.put(id, server(id, at, node)));
                case "apps" -> forEachId(value, "apps", (id, at, node) -> apps.put(id, app(id, at, node)));
                case "rules" -> forEachId(value, "rules", (id, at, node) -> rule(id, at, node).ifPresent(
                        r -> rules.put(r.code(), r)));
                case "maxFileBytes" -> {
                    Optional<Setting<Long>> n = number(value, "maxFileBytes", 1);
                    if (n.isPresent() && n.get().value() > MAX_FILE_BYTES_CEILING) {
                        invalid(value, "maxFileBytes must be at most " + MAX_FILE_BYTES_CEILING + "; found " + n.get().value());
                    } else if (n.isPresent()) {
                        maxFileBytes = n.get().value();
                    }
                }
                case "followSymlinksOutside" -> followSymlinksOutside = bool(value, "followSymlinksOutside");
                case "include" -> include.addAll(globs(value, "include"));
                case "exclude" -> exclude.addAll(globs(value, "exclude"));
                case "hikariVersion" -> hikariVersion = hikariVersion(value, "hikariVersion");
                default -> unknownKey(entry.getKeyNode(), key, "", TOP_KEYS);
            }
        }
        // the top-level hikariVersion is every app's that does not name its own
        if (hikariVersion.isPresent()) {
            Optional<Setting<String>> all = hikariVersion;
            apps.replaceAll((id, a) -> a.hikariVersion().isPresent() ? a : new AppDecl(a.id(), a.at(), a.config(),
                    a.profiles(), a.env(), a.instances(), a.deployment(), a.maxSurge(), a.maxInstances(), a.processes(),
                    a.gunicorn(), a.server(), all));
        }
        return new ProjectConfig(Optional.of(path), servers, apps, rules, problems, maxFileBytes,
                followSymlinksOutside, new Selection(include, exclude));
    }

    /** {@code include:} / {@code exclude:} patterns, each checked for length. */
    private List<Glob> globs(Node node, String where) {
        List<Glob> globs = new ArrayList<>();
        for (Setting<String> s : strings(node, where)) {
            Glob.parse(s.value()).ifPresentOrElse(globs::add, () -> problems.add(ReadProblem.configInvalid(
                    s.location().orElseThrow(), where + " patterns must be 1 to " + Glob.MAX_LENGTH + " characters")));
        }
        return globs;
    }

    private boolean bool(Node node, String where) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            String word = scalar.getValue().trim().toLowerCase(Locale.ROOT);
            if (word.equals("true") || word.equals("false")) {
                return word.equals("true");
            }
        }
        invalid(node, where + " must be true or false; found " + describe(node));
        return false;
    }

    private interface EntryHandler {
        void accept(String id, SourceLocation at, Node node);
    }

    private void forEachId(Node node, String section, EntryHandler handler) {
        for (NodeTuple entry : mapping(node, section)) {
            String id = key(entry);
            if (!ID.matcher(id).matches()) {
                invalid(entry.getKeyNode(), "'" + id + "' under " + section
                        + " is not a valid id (letters, digits, '.', '_' and '-')");
                continue;
            }
            handler.accept(id, at(entry.getKeyNode()), entry.getValueNode());
        }
    }

    private ServerDecl server(String id, SourceLocation at, Node node) {
        Optional<Setting<String>> engine = Optional.empty();
        List<Setting<String>> optionFiles = List.of();
        Optional<Setting<String>> persisted = Optional.empty();
        Optional<Setting<Long>> ramMb = Optional.empty();
        Optional<Setting<Long>> openFilesLimit = Optional.empty();
        Optional<Setting<Long>> reserved = Optional.empty();
        List<Setting<String>> hosts = List.of();
        Map<String, String> pathMap = Map.of();
        List<Setting<String>> deployment = List.of();
        String where = "servers." + id;
        for (NodeTuple entry : mapping(node, where)) {
            String key = key(entry);
            Node value = entry.getValueNode();
            switch (key) {
                case "engine" -> engine = string(value, where + ".engine");
                case "optionFiles" -> optionFiles = strings(value, where + ".optionFiles");
                case "persisted" -> persisted = string(value, where + ".persisted");
                case "ramMb" -> ramMb = number(value, where + ".ramMb", 1);
                case "openFilesLimit" -> openFilesLimit = number(value, where + ".openFilesLimit", 1);
                case "reserved" -> reserved = number(value, where + ".reserved", 0);
                case "hosts" -> hosts = strings(value, where + ".hosts");
                case "pathMap" -> pathMap = stringMap(value, where + ".pathMap");
                case "deployment" -> deployment = strings(value, where + ".deployment");
                default -> unknownKey(entry.getKeyNode(), key, where, SERVER_KEYS);
            }
        }
        return new ServerDecl(id, at, engine, optionFiles, persisted, ramMb, openFilesLimit, reserved, hosts, pathMap, deployment);
    }

    private AppDecl app(String id, SourceLocation at, Node node) {
        List<Setting<String>> config = List.of();
        List<Setting<String>> profiles = List.of();
        Map<String, String> env = Map.of();
        Optional<Setting<Long>> instances = Optional.empty();
        List<Setting<String>> deployment = List.of();
        Optional<Setting<String>> maxSurge = Optional.empty();
        Optional<Setting<Long>> maxInstances = Optional.empty();
        Optional<Setting<Long>> processes = Optional.empty();
        Optional<Setting<String>> gunicorn = Optional.empty();
        Optional<Setting<String>> server = Optional.empty();
        Optional<Setting<String>> hikariVersion = Optional.empty();
        String where = "apps." + id;
        for (NodeTuple entry : mapping(node, where)) {
            String key = key(entry);
            Node value = entry.getValueNode();
            switch (key) {
                case "config" -> config = strings(value, where + ".config");
                case "profiles" -> profiles = strings(value, where + ".profiles");
                case "env" -> env = stringMap(value, where + ".env");
                case "instances" -> instances = number(value, where + ".instances", 0);
                case "deployment" -> deployment = strings(value, where + ".deployment");
                case "maxSurge" -> maxSurge = surge(value, where + ".maxSurge");
                case "maxInstances" -> maxInstances = number(value, where + ".maxInstances", 0);
                case "processes" -> processes = number(value, where + ".processes", 1);
                case "gunicorn" -> gunicorn = string(value, where + ".gunicorn");
                case "server" -> server = string(value, where + ".server");
                case "hikariVersion" -> hikariVersion = hikariVersion(value, where + ".hikariVersion");
                default -> unknownKey(entry.getKeyNode(), key, where, APP_KEYS);
            }
        }
        return new AppDecl(id, at, config, profiles, env, instances, deployment, maxSurge, maxInstances, processes,
                gunicorn, server, hikariVersion);
    }

    private Optional<RuleSetting> rule(String code, SourceLocation at, Node node) {
        String where = "rules." + code;
        if (node instanceof ScalarNode scalar) {
            String word = scalar.getValue().trim().toLowerCase(Locale.ROOT);
            if (word.equals("off") || word.equals("false")) {
                return Optional.of(new RuleSetting(code, at, true, Optional.empty(), Map.of(), Map.of()));
            }
            Optional<Severity> severity = Severity.parse(word);
            if (severity.isPresent()) {
                return Optional.of(new RuleSetting(code, at, false, severity, Map.of(), Map.of()));
            }
            invalid(node, where + " must be off, error, warning, info or a mapping; found '" + scalar.getValue() + "'");
            return Optional.empty();
        }
        boolean off = false;
        Optional<Severity> severity = Optional.empty();
        Map<String, Long> options = new LinkedHashMap<>();
        Map<String, SourceLocation> optionAt = new LinkedHashMap<>();
        for (NodeTuple entry : mapping(node, where)) {
            String key = key(entry);
            Node value = entry.getValueNode();
            if (key.equals("severity")) {
                Optional<Setting<String>> word = string(value, where + ".severity");
                if (word.isPresent()) {
                    String w = word.get().value().toLowerCase(Locale.ROOT);
                    if (w.equals("off")) {
                        off = true;
                    } else {
                        severity = Severity.parse(w);
                        if (severity.isEmpty()) {
                            invalid(value, where + ".severity must be error, warning, info or off; found '" + w + "'");
                        }
                    }
                }
            } else {
                number(value, where + "." + key, Long.MIN_VALUE).ifPresent(n -> {
                    options.put(key, n.value());
                    optionAt.put(key, at(entry.getKeyNode()));
                });
            }
        }
        return Optional.of(new RuleSetting(code, at, off, severity, options, optionAt));
    }

    // ---- typed values -------------------------------------------------------------------------

    private List<NodeTuple> mapping(Node node, String where) {
        if (node instanceof MappingNode mapping) {
            Set<String> seen = new java.util.HashSet<>();
            List<NodeTuple> tuples = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode)) {
                    invalid(tuple.getKeyNode(), "keys under " + where + " must be plain words");
                    continue;
                }
                if (!seen.add(key(tuple))) {
                    invalid(tuple.getKeyNode(), "'" + key(tuple) + "' appears twice under " + where);
                    continue;
                }
                tuples.add(tuple);
            }
            return tuples;
        }
        if (!isNull(node)) {
            invalid(node, where + " must be a mapping (key: value); found " + describe(node));
        }
        return List.of();
    }

    private Optional<Setting<String>> string(Node node, String where) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return Optional.of(Setting.written(where, scalar.getValue(), scalar.getValue(), at(node)));
        }
        invalid(node, where + " must be a single value; found " + describe(node));
        return Optional.empty();
    }

    private List<Setting<String>> strings(Node node, String where) {
        if (node instanceof ScalarNode && !isNull(node)) {
            return string(node, where).stream().toList();
        }
        if (node instanceof SequenceNode sequence) {
            List<Setting<String>> values = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                string(item, where).ifPresent(values::add);
            }
            return values;
        }
        invalid(node, where + " must be a value or a list of values; found " + describe(node));
        return List.of();
    }

    private Map<String, String> stringMap(Node node, String where) {
        Map<String, String> map = new LinkedHashMap<>();
        for (NodeTuple entry : mapping(node, where)) {
            string(entry.getValueNode(), where + "." + key(entry)).ifPresent(v -> map.put(key(entry), v.value()));
        }
        return map;
    }

    private Optional<Setting<Long>> number(Node node, String where, long min) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            String text = scalar.getValue().trim();
            try {
                long value = Long.parseLong(text.replace("_", ""));
                if (value < min) {
                    invalid(node, where + " must be at least " + min + "; found " + value);
                    return Optional.empty();
                }
                return Optional.of(Setting.written(where, value, text, at(node)));
            } catch (NumberFormatException e) {
                invalid(node, where + " must be a whole number; found '" + text + "'");
                return Optional.empty();
            }
        }
        invalid(node, where + " must be a whole number; found " + describe(node));
        return Optional.empty();
    }

    private Optional<Setting<String>> surge(Node node, String where) {
        Optional<Setting<String>> text = string(node, where);
        if (text.isPresent() && !SURGE.matcher(text.get().value().trim()).matches()) {
            invalid(node, where + " must be a number of instances or a percentage such as 25%; found '"
                    + text.get().value() + "'");
            return Optional.empty();
        }
        return text;
    }

    /** A HikariCP release connlint models: {@code 6.2.0}, {@code 7.1}. */
    private Optional<Setting<String>> hikariVersion(Node node, String where) {
        Optional<Setting<String>> text = string(node, where);
        if (text.isEmpty()) {
            return text;
        }
        Optional<HikariVersion> version = HikariVersion.parse(text.get().value());
        if (version.isEmpty()) {
            invalid(node, where + " must be a HikariCP release such as 6.2.0; found '" + text.get().value() + "'");
            return Optional.empty();
        }
        if (!version.get().isModelled()) {
            invalid(node, where + " " + version.get() + " is not a HikariCP release connlint models (from "
                    + HikariVersion.OLDEST + " to " + HikariVersion.LATEST + ")");
            return Optional.empty();
        }
        return text;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private static String describe(Node node) {
        if (isNull(node)) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static String key(NodeTuple tuple) {
        return ((ScalarNode) tuple.getKeyNode()).getValue();
    }

    private void unknownKey(Node keyNode, String key, String where, List<String> known) {
        String place = where.isEmpty() ? "at the top level" : "under " + where;
        invalid(keyNode, "unknown key '" + key + "' " + place + Similar.hint(key, known)
                + " (valid keys: " + String.join(", ", known) + ")");
    }

    private void invalid(Node node, String message) {
        problems.add(ReadProblem.configInvalid(at(node), message));
    }

    private SourceLocation at(Node node) {
        return Yaml.at(path, node);
    }
}
