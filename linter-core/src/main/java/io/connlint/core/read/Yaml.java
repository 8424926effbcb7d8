package io.connlint.core.read;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

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
        // Composing needs only the reader, parser and composer: the org.yaml.snakeyaml.Yaml facade
        // would also build a constructor and a representer, a fifth of a small project's start-up.
        Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(file.text())), options),
                new Resolver(), options);
        List<Node> documents = new ArrayList<>();
        try {
            while (composer.checkNode()) {
                Node node = composer.getNode();
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
