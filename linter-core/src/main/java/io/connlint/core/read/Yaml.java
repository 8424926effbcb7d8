package io.connlint.core.read;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Safe YAML loading: documents are composed into nodes (which carry positions) and never
 * constructed into Java objects, so no tag can instantiate a class. Aliases, nesting and size are
 * limited.
 */
public final class Yaml {

    private Yaml() {
    }

    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(64);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, TextFile.maxBytes()));
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }

    /** Every document of the file, as nodes. */
    public static List<Node> compose(TextFile file) throws TextFile.Unreadable {
        LoaderOptions options = options();
        // Composing needs only the reader, parser and composer: the org.yaml.snakeyaml.Yaml facade
        // would also build a constructor and a representer, a fifth of a small project's start-up.
        StreamReader reader = new StreamReader(new StringReader(file.text()));
        Composer composer = new Composer(new ParserImpl(reader, options), new Resolver(), options);
        List<Node> documents = new ArrayList<>();
        // Only an alias (*name) shares a node; a file without '*' can be neither cyclic nor a bomb.
        boolean aliases = file.text().indexOf('*') >= 0;
        try {
            while (composer.checkNode()) {
                Node node = composer.getNode();
                if (node != null) {
                    Problem unsafe = aliases ? unsafe(node) : null;
                    if (unsafe != null) {
                        throw new TextFile.Unreadable(ReadProblem.unreadable(at(file.path(), unsafe.at()),
                                "YAML: " + unsafe.message()));
                    }
                    documents.add(node);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new TextFile.Unreadable(ReadProblem.unreadable(at(file.path(), mark), "YAML: " + context + what));
        } catch (YAMLException e) {
            throw new TextFile.Unreadable(ReadProblem.unreadable(SourceLocation.startOf(file.path()),
                    "YAML: " + e.getMessage()));
        } catch (RuntimeException e) {
            // snakeyaml 2.5's own defects on malformed input, e.g. a double-quoted backslash-u escape cut off by the
            // end of the file throws NumberFormatException; the reader's position is where it stopped
            throw new TextFile.Unreadable(ReadProblem.unreadable(at(file.path(), reader.getMark()),
                    "YAML: malformed here (the parser failed with " + e.getClass().getSimpleName() + ")"));
        }
        return documents;
    }

    /** A document whose aliases expand it to more nodes than this is refused (an alias bomb under the alias count). */
    static final long MAX_EXPANDED_NODES = 1_000_000;

    /**
     * What makes a composed document unsafe to walk, or null: a node that contains itself through
     * an alias ({@code a: &a [*a]}; snakeyaml composes it into a cyclic graph that every walk would
     * follow forever), or aliases that expand the document past {@link #MAX_EXPANDED_NODES} nodes
     * (25 levels of two aliases each stay under snakeyaml's alias count and expand to 2^25).
     */
    static Problem unsafe(Node root) {
        java.util.Map<Node, Long> size = new java.util.IdentityHashMap<>();
        java.util.Set<Node> onPath = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Deque<java.util.Iterator<Node>> stack = new java.util.ArrayDeque<>();
        java.util.Deque<Node> nodes = new java.util.ArrayDeque<>();
        java.util.Deque<long[]> sums = new java.util.ArrayDeque<>();
        onPath.add(root);
        nodes.push(root);
        sums.push(new long[] {1});
        stack.push(children(root).iterator());
        while (!stack.isEmpty()) {
            java.util.Iterator<Node> it = stack.peek();
            if (!it.hasNext()) {
                stack.pop();
                Node finished = nodes.pop();
                long total = sums.pop()[0];
                onPath.remove(finished);
                size.put(finished, total);
                if (total > MAX_EXPANDED_NODES) {
                    return new Problem(finished, "aliases expand this document to more than " + MAX_EXPANDED_NODES
                            + " nodes");
                }
                if (!sums.isEmpty()) {
                    sums.peek()[0] += total;
                }
                continue;
            }
            Node child = it.next();
            if (child == null) {
                continue;
            }
            Long known = size.get(child);
            if (known != null) {
                sums.peek()[0] += known;
                continue;
            }
            if (onPath.contains(child)) {
                return new Problem(child, "a recursive alias: the node anchored here contains an alias of itself");
            }
            onPath.add(child);
            nodes.push(child);
            sums.push(new long[] {1});
            stack.push(children(child).iterator());
        }
        return null;
    }

    /** Why a composed document is refused, and where. */
    record Problem(Node at, String message) {
    }

    private static List<Node> children(Node node) {
        if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode sequence) {
            return sequence.getValue();
        }
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode mapping) {
            List<Node> children = new ArrayList<>();
            for (org.yaml.snakeyaml.nodes.NodeTuple t : mapping.getValue()) {
                children.add(t.getKeyNode());
                children.add(t.getValueNode());
            }
            return children;
        }
        return List.of();
    }

    public static SourceLocation at(String path, Mark mark) {
        if (mark == null) {
            return SourceLocation.startOf(path);
        }
        return new SourceLocation(path, mark.getLine() + 1, mark.getColumn() + 1);
    }

    public static SourceLocation at(String path, Node node) {
        return at(path, node.getStartMark());
    }

    /**
     * The node at {@code path} under {@code node}, one mapping key per step (the last of duplicate
     * keys, as a YAML loader keeps); empty where a step is not a mapping or lacks the key.
     */
    public static Optional<Node> get(Node node, String... path) {
        Node current = node;
        for (String key : path) {
            if (!(current instanceof MappingNode mapping)) {
                return Optional.empty();
            }
            Node next = null;
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    next = t.getValueNode();
                }
            }
            if (next == null) {
                return Optional.empty();
            }
            current = next;
        }
        return Optional.of(current);
    }

    /** The scalar at {@code path} under {@code node}, if that is one. */
    public static Optional<ScalarNode> scalar(Node node, String... path) {
        return get(node, path).filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast);
    }
}
