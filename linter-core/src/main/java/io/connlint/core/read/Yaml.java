package io.connlint.core.read;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

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
        options.setCodePointLimit((int) TextFile.MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }

    /** Every document of the file, as nodes. */
    public static List<Node> compose(TextFile file) throws TextFile.Unreadable {
        LoaderOptions options = options();
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
        List<Node> documents = new ArrayList<>();
        try {
            for (Node node : yaml.composeAll(new StringReader(file.text()))) {
                if (node != null) {
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
        }
        return documents;
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
}
