package io.connlint.core.fuzz;

import java.util.ArrayList;
import java.util.List;

/** YAML tokens and hostile YAML shared by the YAML readers' fuzz tests. */
final class Yamls {

    static final List<String> COMMON = List.of(":", ": ", "- ", "---", "...", "{", "}", "[", "]", ",", "?", "&a", "*a",
            "&b [*a, *a, *a]", "<<: *a", "!!str", "!!int", "!!map", "!!binary", "!!python/object:os.system",
            "!!javax.script.ScriptEngineManager", "!<tag:yaml.org,2002:str>", "%YAML 1.1", "%TAG ! tag:x,2000:", "|",
            ">", "|-", ">+", "\"", "'", "\\", "\\x", "\\u", "#", "~", "null", "true", "no", "0x1F", "0o17", "1_000",
            ".inf", ".nan", "2001-12-14t21:59:43.10-05:00", "\t", "  ", "    ", "@", "`", "=", "${", "}");

    static final List<String> DICTIONARY_K8S = concat(COMMON, List.of("apiVersion", "kind", "Deployment",
            "StatefulSet", "HorizontalPodAutoscaler", "metadata", "name", "spec", "replicas", "strategy", "rollingUpdate",
            "maxSurge", "maxUnavailable", "25%", "100%", "-5%", "scaleTargetRef", "maxReplicas", "minReplicas",
            "template", "containers", "image", "apps/v1", "autoscaling/v2"));

    private Yamls() {
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** Alias bombs, deep nesting, long scalars and keys, many documents, and a type tag. */
    static String hostile(int variant, int size, String prefix) {
        return switch (variant % 10) {
            case 9 -> {
                StringBuilder sb = new StringBuilder("a0: &a0 [x, x]\n");
                for (int i = 1; i <= Math.min(size, 26); i++) {
                    sb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                            .append(i - 1).append("]\n");
                }
                yield sb + prefix + "1\n";
            }
            case 0 -> {
                StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
                for (int i = 1; i < Math.min(size, 40); i++) {
                    sb.append("a").append(i).append(": &a").append(i).append(" [");
                    sb.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
                }
                yield sb.toString();
            }
            case 1 -> "[".repeat(size) + "]".repeat(size);
            case 2 -> "{a: ".repeat(size) + "1" + "}".repeat(size);
            case 3 -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < Math.min(size, 300); i++) {
                    sb.append("  ".repeat(i)).append("k").append(i).append(":\n");
                }
                yield sb.toString();
            }
            case 4 -> prefix + "9".repeat(size) + "\n";
            case 5 -> "---\n".repeat(size) + prefix + "1\n";
            case 6 -> "x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                    + "[\"http://127.0.0.1/\"]]]]\ny: !!python/object/apply:os.system [\"touch pwned\"]\n" + prefix + size + "\n";
            case 7 -> "? " + "k".repeat(size) + "\n: " + "v".repeat(size) + "\n";
            default -> "a: &a [*a]\n" + "b: &b {x: *b}\n".repeat(Math.min(size, 3)) + prefix + "1\n";
        };
    }
}
