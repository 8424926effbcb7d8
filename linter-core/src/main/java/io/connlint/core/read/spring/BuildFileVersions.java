package io.connlint.core.read.spring;

import io.connlint.core.read.FileAccess;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.mycnf.ProjectPaths;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an application's build file says about the HikariCP it runs: a HikariCP version written in
 * the build (a {@code com.zaxxer:HikariCP} dependency, or Boot's {@code hikaricp.version}
 * property), else the Spring Boot version (the {@code spring-boot-starter-parent} or
 * {@code spring-boot-dependencies} parent or BOM, the {@code spring-boot.version} property, the
 * Gradle plugin {@code org.springframework.boot}). The nearest {@code pom.xml},
 * {@code build.gradle.kts} or {@code build.gradle} from the configuration file up to the project
 * root is read, then its parents' (a module inherits the parent pom's Boot version). Build files are
 * read as text, never run; a pom that is not well-formed XML tells nothing.
 */
public final class BuildFileVersions {

    /** The build names HikariCP's own version. */
    public static final String HIKARICP = "HikariCP";
    /** The build names the Spring Boot version, which manages HikariCP's. */
    public static final String SPRING_BOOT = "Spring Boot";

    /**
     * A version found in a build file.
     *
     * @param library {@link #HIKARICP} or {@link #SPRING_BOOT}
     */
    public record Found(String library, String version, SourceLocation at) {
    }

    private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle.kts", "build.gradle");
    private static final Pattern GRADLE_HIKARI = Pattern.compile("com\\.zaxxer:HikariCP:([0-9][\\w.-]*)");
    private static final Pattern GRADLE_BOOT_PLUGIN = Pattern.compile(
            "id\\s*\\(?\\s*[\"']org\\.springframework\\.boot[\"']\\s*\\)?\\s*version\\s*\\(?\\s*[\"']([0-9][\\w.-]*)[\"']");
    private static final Pattern GRADLE_BOOT_ARTIFACT = Pattern.compile(
            "org\\.springframework\\.boot:spring-boot-(?:gradle-plugin|dependencies):([0-9][\\w.-]*)");

    private BuildFileVersions() {
    }

    /** The nearest build file's answer for a configuration file of the project. */
    public static Optional<Found> near(Path configFile, ProjectPaths paths) {
        return near(configFile, paths, new java.util.HashMap<>());
    }

    /**
     * The nearest build file's answer for a configuration file of the project, remembering each
     * directory's answer in {@code byDirectory} (a run's pool files share their directories' build files).
     */
    public static Optional<Found> near(Path configFile, ProjectPaths paths, java.util.Map<Path, Optional<Found>> byDirectory) {
        Path root = paths.root().toAbsolutePath().normalize();
        Path dir = configFile.toAbsolutePath().normalize().getParent();
        return dir == null || !dir.startsWith(root) ? Optional.empty() : inOrAbove(dir, root, paths, byDirectory);
    }

    private static Optional<Found> inOrAbove(Path dir, Path root, ProjectPaths paths,
                                             java.util.Map<Path, Optional<Found>> byDirectory) {
        Optional<Found> known = byDirectory.get(dir);
        if (known != null) {
            return known;
        }
        Optional<Found> found = Optional.empty();
        for (String name : BUILD_FILES) {
            Path build = dir.resolve(name);
            if (FileAccess.isRegularFile(build)) {
                found = read(build, paths.display(build));
                if (found.isPresent()) {
                    break;
                }
            }
        }
        Path parent = dir.getParent();
        if (found.isEmpty() && !dir.equals(root) && parent != null && parent.startsWith(root)) {
            found = inOrAbove(parent, root, paths, byDirectory);
        }
        byDirectory.putIfAbsent(dir, found);
        return found;
    }

    static Optional<Found> read(Path build, String display) {
        TextFile text;
        try {
            text = TextFile.read(build, display);
        } catch (TextFile.Unreadable e) {
            return Optional.empty();
        }
        return build.getFileName().toString().equals("pom.xml") ? pom(text) : gradle(text);
    }

    // ---- Gradle (Groovy or Kotlin DSL), line by line ------------------------------------------

    static Optional<Found> gradle(TextFile file) {
        Optional<Found> boot = Optional.empty();
        List<String> lines = file.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher hikari = GRADLE_HIKARI.matcher(line);
            if (hikari.find()) {
                return Optional.of(new Found(HIKARICP, hikari.group(1),
                        new SourceLocation(file.path(), i + 1, hikari.start(1) + 1)));
            }
            if (boot.isEmpty()) {
                Matcher plugin = GRADLE_BOOT_PLUGIN.matcher(line);
                Matcher artifact = GRADLE_BOOT_ARTIFACT.matcher(line);
                Matcher m = plugin.find() ? plugin : artifact.find() ? artifact : null;
                if (m != null) {
                    boot = Optional.of(new Found(SPRING_BOOT, m.group(1),
                            new SourceLocation(file.path(), i + 1, m.start(1) + 1)));
                }
            }
        }
        return boot;
    }

    // ---- Maven pom.xml, with a streaming XML reader (no DTDs, no external entities) ------------

    private record Text(String value, SourceLocation at) {
    }

    static Optional<Found> pom(TextFile file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<String, Text> properties = new HashMap<>();
        Text hikari = null;
        Text boot = null;
        Map<String, Text> dependency = new HashMap<>();
        Map<String, Text> parent = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(file.text()));
            StringBuilder chars = new StringBuilder();
            SourceLocation charsAt = SourceLocation.startOf(file.path());
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    path.addLast(xml.getLocalName());
                    chars.setLength(0);
                    charsAt = new SourceLocation(file.path(), Math.max(1, xml.getLocation().getLineNumber()),
                            Math.max(1, xml.getLocation().getColumnNumber()));
                    if (xml.getLocalName().equals("dependency")) {
                        dependency.clear();
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    chars.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String where = String.join("/", path);
                    Text value = new Text(chars.toString().trim(), charsAt);
                    if (where.startsWith("project/properties/") && path.size() == 3) {
                        properties.put(path.peekLast(), value);
                    } else if (where.startsWith("project/parent/")) {
                        parent.put(path.peekLast(), value);
                    } else if (where.endsWith("dependencies/dependency/groupId")
                            || where.endsWith("dependencies/dependency/artifactId")
                            || where.endsWith("dependencies/dependency/version")) {
                        dependency.put(path.peekLast(), value);
                    } else if (where.endsWith("dependencies/dependency")) {
                        String ga = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
                        if (ga.equals("com.zaxxer:HikariCP") && dependency.containsKey("version") && hikari == null) {
                            hikari = dependency.get("version");
                        } else if (ga.equals("org.springframework.boot:spring-boot-dependencies")
                                && dependency.containsKey("version") && boot == null) {
                            boot = dependency.get("version");
                        }
                    }
                    chars.setLength(0);
                    path.removeLast();
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
        String parentGa = text(parent, "groupId") + ":" + text(parent, "artifactId");
        if (boot == null && (parentGa.equals("org.springframework.boot:spring-boot-starter-parent")
                || parentGa.equals("org.springframework.boot:spring-boot-dependencies"))) {
            boot = parent.get("version");
        }
        if (hikari == null) {
            hikari = properties.get("hikaricp.version");
        }
        if (boot == null) {
            boot = properties.get("spring-boot.version");
        }
        Optional<Text> h = resolve(hikari, properties);
        if (h.isPresent()) {
            return Optional.of(new Found(HIKARICP, h.get().value(), h.get().at()));
        }
        return resolve(boot, properties).map(b -> new Found(SPRING_BOOT, b.value(), b.at()));
    }

    private static String text(Map<String, Text> values, String name) {
        Text t = values.get(name);
        return t == null ? "" : t.value();
    }

    /** A version, with one {@code ${property}} of the pom resolved; empty when it cannot be. */
    private static Optional<Text> resolve(Text text, Map<String, Text> properties) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(text.value());
        if (m.matches()) {
            Text p = properties.get(m.group(1));
            return p == null || p.value().contains("${") ? Optional.empty() : Optional.of(p);
        }
        return text.value().isEmpty() || text.value().contains("${") ? Optional.empty() : Optional.of(text);
    }
}
