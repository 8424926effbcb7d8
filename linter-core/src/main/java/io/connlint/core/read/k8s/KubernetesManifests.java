package io.connlint.core.read.k8s;

import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes manifests (multi-document YAML): Deployments and StatefulSets with their
 * {@code replicas} and rolling-update {@code maxSurge}, and HorizontalPodAutoscalers (v1, v2)
 * with their {@code maxReplicas} and {@code scaleTargetRef}.
 */
public final class KubernetesManifests {

    /** A Deployment or StatefulSet. */
    public record Workload(String kind, String name, SourceLocation at, Optional<Setting<Long>> replicas,
                           Optional<Setting<String>> maxSurge) {
    }

    /** A HorizontalPodAutoscaler. */
    public record Autoscaler(String targetKind, String targetName, Setting<Long> maxReplicas) {
    }

    public record Result(List<Workload> workloads, List<Autoscaler> autoscalers) {
    }

    private KubernetesManifests() {
    }

    public static Result read(TextFile file) throws TextFile.Unreadable {
        List<Workload> workloads = new ArrayList<>();
        List<Autoscaler> autoscalers = new ArrayList<>();
        for (Node document : Yaml.compose(file)) {
            String kind = scalar(document, "kind").map(ScalarNode::getValue).orElse("");
            Optional<String> name = scalar(document, "metadata", "name").map(ScalarNode::getValue);
            if (name.isEmpty()) {
                continue;
            }
            if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
                Optional<Setting<Long>> replicas = number(file, document, "replicas", "spec", "replicas");
                Optional<Setting<String>> surge = scalar(document, "spec", "strategy", "rollingUpdate", "maxSurge")
                        .map(n -> Setting.written("maxSurge", n.getValue(), n.getValue(), Yaml.at(file.path(), n)));
                workloads.add(new Workload(kind, name.get(), Yaml.at(file.path(), document), replicas, surge));
            } else if (kind.equals("HorizontalPodAutoscaler")) {
                Optional<String> targetKind = scalar(document, "spec", "scaleTargetRef", "kind").map(ScalarNode::getValue);
                Optional<String> targetName = scalar(document, "spec", "scaleTargetRef", "name").map(ScalarNode::getValue);
                Optional<Setting<Long>> max = number(file, document, "maxReplicas", "spec", "maxReplicas");
                if (targetName.isPresent() && max.isPresent()) {
                    autoscalers.add(new Autoscaler(targetKind.orElse("Deployment"), targetName.get(), max.get()));
                }
            }
        }
        return new Result(workloads, autoscalers);
    }

    private static Optional<Setting<Long>> number(TextFile file, Node document, String name, String... path) {
        return scalar(document, path).flatMap(n -> {
            try {
                long v = Long.parseLong(n.getValue().trim());
                return Optional.of(Setting.written(name, v, n.getValue(), Yaml.at(file.path(), n)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<ScalarNode> scalar(Node node, String... path) {
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
        return current instanceof ScalarNode s ? Optional.of(s) : Optional.empty();
    }
}
