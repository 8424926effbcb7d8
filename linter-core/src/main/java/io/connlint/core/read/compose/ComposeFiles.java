package io.connlint.core.read.compose;

import io.connlint.core.read.FileAccess;
import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.Yaml;
import io.connlint.core.read.mycnf.ServerCommandLine.Word;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * docker-compose files: each service's image, instance count ({@code deploy.replicas}, or the
 * legacy {@code scale}), {@code command:} (string or list) and {@code volumes:} (short and long
 * syntax). Several files merge as Compose merges them: a later file's service replaces the
 * earlier one's image, replicas and command, and adds to its volumes, a mount at the same target
 * replacing the earlier one (docs.docker.com/compose/how-tos/multiple-compose-files/merge).
 */
public final class ComposeFiles {

    /**
     * The files Compose reads by default in a directory: the first of compose.yaml, compose.yml,
     * docker-compose.yaml, docker-compose.yml, then its override file (docs.docker.com, "the
     * default path for a Compose file is compose.yaml (preferred) or compose.yml … Compose also
     * supports docker-compose.yaml and docker-compose.yml"; "by default, Compose reads two files,
     * a compose.yaml and an optional compose.override.yaml").
     */
    static final List<String> BASE_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml",
            "docker-compose.yml");

    /**
     * A bind mount of a repository path.
     *
     * @param source the path as written, relative to the first compose file's directory
     * @param target the path inside the container
     */
    public record Mount(String source, String target, SourceLocation at) {
    }

    /** A service after merging. */
    public record Service(String name, SourceLocation at, Optional<String> image, Optional<SourceLocation> imageAt,
                          Optional<Setting<Long>> replicas, List<Word> command, Optional<SourceLocation> commandAt,
                          List<Mount> mounts) {

        public Service {
            command = List.copyOf(command);
            mounts = List.copyOf(mounts);
        }

        /** True for an image of the MySQL family: mysql, mariadb, percona (any registry, tag or digest). */
        public boolean isMysqlFamily() {
            return image.map(ComposeFiles::isMysqlImage).orElse(false);
        }
    }

    /**
     * The merged services.
     *
     * @param files     the files read, project-relative, in merge order
     * @param directory the first file's directory (project-relative paths of mounts resolve against it)
     */
    public record Project(List<String> files, Path directory, Map<String, Service> services, List<ReadProblem> problems,
                          List<Note> notes) {

        public Project {
            files = List.copyOf(files);
            services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        public boolean isEmpty() {
            return files.isEmpty();
        }

        /** The MySQL-family services. */
        public List<Service> databases() {
            return services.values().stream().filter(Service::isMysqlFamily).toList();
        }
    }

    private ComposeFiles() {
    }

    /** True when {@code name} is a file name Compose reads by default (base or override). */
    public static boolean isComposeName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return BASE_NAMES.contains(n) || BASE_NAMES.stream().map(ComposeFiles::override).anyMatch(n::equals);
    }

    /** The file Compose would read by default in {@code directory}, and its override, when present. */
    public static List<Path> defaults(Path directory) {
        for (String name : BASE_NAMES) {
            Path base = directory.resolve(name);
            if (FileAccess.isRegularFile(base)) {
                List<Path> files = new ArrayList<>(List.of(base));
                for (String o : List.of(override(name), override(name).replace(".yaml", ".yml"),
                        override(name).replace(".yml", ".yaml"))) {
                    Path over = directory.resolve(o);
                    if (FileAccess.isRegularFile(over) && !files.contains(over)) {
                        files.add(over);
                        break;
                    }
                }
                return files;
            }
        }
        return List.of();
    }

    private static String override(String base) {
        int dot = base.lastIndexOf('.');
        return base.substring(0, dot) + ".override" + base.substring(dot);
    }

    public static boolean isMysqlImage(String image) {
        String s = image.toLowerCase(Locale.ROOT);
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(0, at);
        }
        int slash = s.lastIndexOf('/');
        String repo = slash >= 0 ? s.substring(slash + 1) : s;
        int colon = repo.indexOf(':');
        if (colon >= 0) {
            repo = repo.substring(0, colon);
        }
        return repo.equals("mysql") || repo.equals("mariadb") || repo.startsWith("percona")
                || repo.equals("mysql-server") || repo.equals("mariadb-server");
    }

    /**
     * The engine an image tag names, when it names a major.minor version connlint knows:
     * {@code percona:5.7.19} → mysql-5.7, {@code mariadb:10.11.6} → mariadb-10.11. A tag without a
     * minor version ({@code mysql:8}, {@code latest}) moves between releases and names none.
     */
    public static Optional<String> engineOf(String image) {
        if (!isMysqlImage(image)) {
            return Optional.empty();
        }
        String s = image.toLowerCase(Locale.ROOT);
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(0, at);
        }
        String repo = s.substring(s.lastIndexOf('/') + 1);
        int colon = repo.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})\\.(\\d{1,4})(\\b.*)?")
                .matcher(repo.substring(colon + 1));
        if (!m.matches()) {
            return Optional.empty();
        }
        String flavor = repo.startsWith("mariadb") ? "mariadb" : "mysql";
        String id = flavor + "-" + Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2));
        return io.connlint.core.model.ServerEngine.KNOWN.contains(id) ? Optional.of(id) : Optional.empty();
    }

    /**
     * Reads and merges {@code files} (read in order); a file that cannot be read is a problem and
     * the others are still merged.
     *
     * @param display the project-relative path of each file
     */
    public static Project read(List<Path> files, java.util.function.Function<Path, String> display) {
        Map<String, Service> services = new LinkedHashMap<>();
        List<String> read = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (Path file : files) {
            String shown = display.apply(file);
            try {
                List<Node> documents = Yaml.compose(TextFile.read(file, shown));
                read.add(shown);
                addServices(shown, documents, services);
            } catch (TextFile.Unreadable e) {
                problems.add(e.problem());
            }
        }
        Path directory = files.isEmpty() ? Path.of(".") : files.get(0).toAbsolutePath().getParent();
        return new Project(read, directory, services, problems, notes);
    }

    /** One file already composed (e.g. a {@code deployment:} file that may be Kubernetes manifests instead). */
    public static Project of(Path file, String shown, List<Node> documents) {
        Map<String, Service> services = new LinkedHashMap<>();
        addServices(shown, documents, services);
        return new Project(List.of(shown), file.toAbsolutePath().getParent(), services, List.of(), List.of());
    }

    private static void addServices(String shown, List<Node> documents, Map<String, Service> services) {
        for (Node document : documents) {
            if (Yaml.get(document, "services").orElse(null) instanceof MappingNode mapping) {
                for (NodeTuple t : mapping.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode key) {
                        Service s = service(shown, key.getValue(), Yaml.at(shown, key), t.getValueNode());
                        services.merge(s.name(), s, ComposeFiles::merge);
                    }
                }
            }
        }
    }

    private static Service merge(Service base, Service over) {
        Map<String, Mount> mounts = new LinkedHashMap<>();
        base.mounts().forEach(m -> mounts.put(m.target(), m));
        over.mounts().forEach(m -> mounts.put(m.target(), m));
        boolean command = over.commandAt().isPresent();
        boolean image = over.image().isPresent();
        return new Service(base.name(), base.at(), image ? over.image() : base.image(),
                image ? over.imageAt() : base.imageAt(), over.replicas().or(base::replicas),
                command ? over.command() : base.command(), command ? over.commandAt() : base.commandAt(),
                new ArrayList<>(mounts.values()));
    }

    private static Service service(String file, String name, SourceLocation at, Node node) {
        Optional<ScalarNode> imageNode = Yaml.scalar(node, "image");
        Optional<String> image = imageNode.map(ScalarNode::getValue);
        Optional<Setting<Long>> replicas = count(file, node, "deploy", "replicas")
                .or(() -> count(file, node, "scale"));
        Optional<Node> command = Yaml.get(node, "command");
        List<Word> words = command.map(c -> words(file, c)).orElse(List.of());
        List<Mount> mounts = new ArrayList<>();
        Yaml.get(node, "volumes").filter(SequenceNode.class::isInstance).map(SequenceNode.class::cast)
                .ifPresent(list -> list.getValue().forEach(v -> mount(file, v).ifPresent(mounts::add)));
        return new Service(name, at, image, imageNode.map(n -> Yaml.at(file, n)), replicas, words,
                command.map(c -> Yaml.at(file, c)), mounts);
    }

    private static Optional<Setting<Long>> count(String file, Node node, String... path) {
        return Yaml.scalar(node, path).flatMap(n -> {
            try {
                long v = Long.parseLong(n.getValue().trim());
                return v < 0 ? Optional.empty()
                        : Optional.of(Setting.written("replicas", v, n.getValue(), Yaml.at(file, n)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The words of a {@code command:}: a list's items as they are, or a string split as a shell
     * splits words (blanks separate, quotes group). A plain one-line string keeps each word's column.
     */
    static List<Word> words(String file, Node command) {
        List<Word> words = new ArrayList<>();
        if (command instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                if (item instanceof ScalarNode s) {
                    words.add(new Word(s.getValue(), Yaml.at(file, s)));
                }
            }
        } else if (command instanceof ScalarNode s) {
            SourceLocation start = Yaml.at(file, s);
            boolean plainOneLine = s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN
                    && s.getStartMark().getLine() == s.getEndMark().getLine();
            for (int[] span : split(s.getValue())) {
                String word = unquote(s.getValue().substring(span[0], span[1]));
                SourceLocation at = plainOneLine ? new SourceLocation(file, start.line(), start.column() + span[0]) : start;
                words.add(new Word(word, at));
            }
        }
        return words;
    }

    /** Start and end of each blank-separated word; quotes keep blanks inside a word. */
    static List<int[]> split(String text) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                break;
            }
            int start = i;
            char quote = 0;
            while (i < text.length() && (quote != 0 || !Character.isWhitespace(text.charAt(i)))) {
                char c = text.charAt(i);
                if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote != '\'' && i + 1 < text.length()) {
                    i++;
                }
                i++;
            }
            spans.add(new int[] {start, i});
        }
        return spans;
    }

    private static String unquote(String word) {
        StringBuilder b = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote != '\'' && i + 1 < word.length()) {
                b.append(word.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A bind mount of a relative host path: {@code ./conf.d:/etc/mysql/conf.d:ro} or the long syntax. */
    private static Optional<Mount> mount(String file, Node node) {
        if (node instanceof ScalarNode s) {
            String[] parts = s.getValue().split(":");
            if (parts.length >= 2 && isRepositoryPath(parts[0]) && parts[1].startsWith("/")) {
                return Optional.of(new Mount(parts[0], parts[1], Yaml.at(file, s)));
            }
            return Optional.empty();
        }
        Optional<String> type = Yaml.scalar(node, "type").map(ScalarNode::getValue);
        Optional<ScalarNode> source = Yaml.scalar(node, "source");
        Optional<String> target = Yaml.scalar(node, "target").map(ScalarNode::getValue);
        if (type.orElse("bind").equals("bind") && source.isPresent() && target.isPresent()
                && isRepositoryPath(source.get().getValue()) && target.get().startsWith("/")) {
            return Optional.of(new Mount(source.get().getValue(), target.get(), Yaml.at(file, source.get())));
        }
        return Optional.empty();
    }

    /** A path inside the repository: relative, starting with {@code .}, no variables. */
    private static boolean isRepositoryPath(String source) {
        return (source.equals(".") || source.startsWith("./") || source.startsWith("../")) && !source.contains("$");
    }
}
