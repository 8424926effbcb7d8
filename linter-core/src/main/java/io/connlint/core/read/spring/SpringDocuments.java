package io.connlint.core.read.spring;

import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.PropertiesScanner;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The documents of one Spring Boot configuration file, flattened to dotted keys with positions:
 * YAML documents split at {@code ---}, {@code .properties} documents at a {@code #---} or
 * {@code !---} line (no leading white space, exactly three hyphens).
 */
final class SpringDocuments {

    static final String ON_PROFILE = SpringKeys.canonical("spring.config.activate.on-profile");
    static final String LEGACY_PROFILES = SpringKeys.canonical("spring.profiles");

    /** One key and its value as written (placeholders not yet resolved). */
    record Prop(String key, String canonical, String value, SourceLocation at) {
        Prop(String key, String value, SourceLocation at) {
            this(key, SpringKeys.canonical(key), value, at);
        }
    }

    /** One document: its properties in file order. */
    record Document(String file, int index, List<Prop> props) {
        Optional<Prop> get(String canonical) {
            Prop found = null;
            for (Prop p : props) {
                if (p.canonical().equals(canonical)) {
                    found = p;
                }
            }
            return Optional.ofNullable(found);
        }
    }

    private SpringDocuments() {
    }

    static boolean isYaml(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".yml") || n.endsWith(".yaml");
    }

    static List<Document> read(TextFile file) throws TextFile.Unreadable {
        return isYaml(file.path()) ? yaml(file) : properties(file);
    }

    private static List<Document> properties(TextFile file) throws TextFile.Unreadable {
        List<Document> documents = new ArrayList<>();
        List<String> lines = List.of(file.text().split("\n", -1));
        StringBuilder chunk = new StringBuilder();
        int chunkStart = 1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String bare = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (bare.equals("#---") || bare.equals("!---")) {
                documents.add(propertiesDocument(file, chunk.toString(), chunkStart, documents.size()));
                chunk.setLength(0);
                chunkStart = i + 2;
                continue;
            }
            chunk.append(line);
            if (i < lines.size() - 1) {
                chunk.append('\n');
            }
        }
        documents.add(propertiesDocument(file, chunk.toString(), chunkStart, documents.size()));
        return documents;
    }

    private static Document propertiesDocument(TextFile file, String text, int firstLine, int index)
            throws TextFile.Unreadable {
        List<Prop> props = new ArrayList<>();
        for (PropertiesScanner.Entry e : PropertiesScanner.scan(new TextFile(file.path(), text), firstLine)) {
            props.add(new Prop(e.key(), e.value(), e.at()));
        }
        return new Document(file.path(), index, props);
    }

    private static List<Document> yaml(TextFile file) throws TextFile.Unreadable {
        List<Document> documents = new ArrayList<>();
        for (Node root : Yaml.compose(file)) {
            List<Prop> props = new ArrayList<>();
            flatten(file.path(), "", root, props);
            documents.add(new Document(file.path(), documents.size(), props));
        }
        return documents;
    }

    private static void flatten(String path, String prefix, Node node, List<Prop> out) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    continue;
                }
                String k = key.getValue();
                String name = prefix.isEmpty() ? k : prefix + "." + k;
                flatten(path, name, t.getValueNode(), out);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                flatten(path, prefix + "[" + i + "]", items.get(i), out);
            }
        } else if (node instanceof ScalarNode scalar && !prefix.isEmpty()) {
            // Spring's YAML loader turns null into an empty value
            String value = scalar.getTag().equals(Tag.NULL) ? "" : scalar.getValue();
            out.add(new Prop(prefix, value, Yaml.at(path, scalar)));
        }
    }
}
