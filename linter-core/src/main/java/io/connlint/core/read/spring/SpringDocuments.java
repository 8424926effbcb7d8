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
public final class SpringDocuments {

    static final String ON_PROFILE = SpringKeys.canonical("spring.config.activate.on-profile");
    static final String LEGACY_PROFILES = SpringKeys.canonical("spring.profiles");

    /**
     * One key and its value as written (placeholders not yet resolved). A plain YAML scalar that
     * YAML 1.1 types as a number carries that number, which Spring's binder converts directly
     * ({@code 025} is 21, {@code 25.9} binds to an int as 25).
     */
    public record Prop(String key, String canonical, String value, SourceLocation at, Optional<Number> typed) {
        public Prop(String key, String value, SourceLocation at) {
            this(key, SpringKeys.canonical(key), value, at, Optional.empty());
        }

        /** True when the key is written in the canonical kebab form the binder looks up first. */
        public boolean isKebab() {
            return key.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '[' || c == ']');
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
            if ((bare.startsWith("#---") || bare.startsWith("!---")) && bare.substring(4).isBlank()) {
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

    private static void flatten(String path, String prefix, Node node, List<Prop> out) throws TextFile.Unreadable {
        if (node instanceof MappingNode mapping) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (NodeTuple t : mapping.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    continue;
                }
                String k = key.getValue();
                String name = prefix.isEmpty() ? k : prefix + "." + k;
                if (!seen.add(k)) {
                    // Spring Boot's YAML loader refuses a mapping with a repeated key (DuplicateKeyException)
                    throw new TextFile.Unreadable(io.connlint.core.model.ReadProblem.unreadable(Yaml.at(path, key),
                            "YAML: found duplicate key " + name + "; Spring Boot refuses this file"));
                }
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
            Optional<Number> typed = Optional.empty();
            if (scalar.getTag().equals(Tag.INT)) {
                typed = yamlInt(value);
            } else if (scalar.getTag().equals(Tag.FLOAT)) {
                typed = yamlFloat(value);
            }
            String text = typed.map(Object::toString).orElse(value);
            out.add(new Prop(prefix, SpringKeys.canonical(prefix), text, Yaml.at(path, scalar), typed));
        }
    }

    /** A YAML 1.1 int as snakeyaml's SafeConstructor builds it: _, sign, 0b, 0x, 0 (octal), base 60. */
    static Optional<Number> yamlInt(String text) {
        String v = text.replace("_", "");
        int sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        try {
            java.math.BigInteger n;
            if (v.equals("0")) {
                n = java.math.BigInteger.ZERO;
            } else if (v.startsWith("0b")) {
                n = new java.math.BigInteger(v.substring(2), 2);
            } else if (v.startsWith("0x")) {
                n = new java.math.BigInteger(v.substring(2), 16);
            } else if (v.startsWith("0")) {
                n = new java.math.BigInteger(v.substring(1), 8);
            } else if (v.contains(":")) {
                n = java.math.BigInteger.ZERO;
                for (String digit : v.split(":")) {
                    n = n.multiply(java.math.BigInteger.valueOf(60)).add(new java.math.BigInteger(digit));
                }
            } else {
                n = new java.math.BigInteger(v);
            }
            n = sign < 0 ? n.negate() : n;
            return Optional.of(n.bitLength() < 64 ? (Number) n.longValue() : n);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A YAML 1.1 float as snakeyaml's SafeConstructor builds it. */
    static Optional<Number> yamlFloat(String text) {
        String v = text.replace("_", "").toLowerCase(Locale.ROOT);
        try {
            if (v.contains(":")) {
                int sign = v.startsWith("-") ? -1 : 1;
                double d = 0;
                for (String digit : v.replaceFirst("^[-+]", "").split(":")) {
                    d = d * 60 + Double.parseDouble(digit);
                }
                return Optional.of(sign * d);
            }
            if (v.endsWith(".inf") || v.equals(".nan")) {
                return Optional.of(v.equals(".nan") ? Double.NaN
                        : v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            return Optional.of(Double.valueOf(v));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
