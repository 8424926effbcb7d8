package io.connlint.core.read.k8s;

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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes manifests (multi-document YAML, also inside a {@code kind: List}): Deployments and
 * StatefulSets with their {@code replicas}, rolling-update {@code maxSurge}, pod labels and
 * containers (image, {@code command}, {@code args}); HorizontalPodAutoscalers (v1, v2) with their
 * {@code maxReplicas} and {@code scaleTargetRef}; Services with their name, namespace and selector.
 */
public final class KubernetesManifests {

    /** A container of a pod template: its image and the words of its command and args, in order. */
    public record Container(String name, Optional<String> image, List<Word> commandLine) {

        public Container {
            commandLine = List.copyOf(commandLine);
        }
    }

    /** A Deployment or StatefulSet. */
    public record Workload(String kind, String name, SourceLocation at, Optional<Setting<Long>> replicas,
                           Optional<Setting<String>> maxSurge, Map<String, String> podLabels,
                           List<Container> containers, String namespace) {

        public Workload {
            podLabels = Map.copyOf(podLabels);
            containers = List.copyOf(containers);
        }
    }

    /** A HorizontalPodAutoscaler. */
    public record Autoscaler(String targetKind, String targetName, Setting<Long> maxReplicas) {
    }

    /** A Service: the pods it selects are reachable by its name. */
    public record Service(String name, String namespace, Map<String, String> selector, SourceLocation at) {

        public Service {
            selector = Map.copyOf(selector);
        }

        /** True when it selects the pods of {@code workload} (an empty selector selects nothing). */
        public boolean selects(Workload workload) {
            return !selector.isEmpty() && namespace.equals(workload.namespace())
                    && workload.podLabels().entrySet().containsAll(selector.entrySet());
        }

        /**
         * The names a client in the cluster reaches it by: {@code name}, {@code name.namespace},
         * {@code name.namespace.svc} and {@code name.namespace.svc.cluster.local} (DNS for
         * Services and Pods: "my-svc.my-namespace.svc.cluster-domain.example").
         */
        public List<String> hostNames() {
            return List.of(name, name + "." + namespace, name + "." + namespace + ".svc",
                    name + "." + namespace + ".svc.cluster.local");
        }
    }

    public record Result(List<Workload> workloads, List<Autoscaler> autoscalers, List<Service> services) {
    }

    /** The objects of several manifests together. */
    public static Result merge(List<Result> results) {
        List<Workload> workloads = new ArrayList<>();
        List<Autoscaler> autoscalers = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        for (Result r : results) {
            workloads.addAll(r.workloads());
            autoscalers.addAll(r.autoscalers());
            services.addAll(r.services());
        }
        return new Result(workloads, autoscalers, services);
    }

    private KubernetesManifests() {
    }

    public static Result read(TextFile file) throws TextFile.Unreadable {
        return read(file, Yaml.compose(file));
    }

    /** The manifests of a file already composed into {@code composed}. */
    public static Result read(TextFile file, List<Node> composed) {
        List<Workload> workloads = new ArrayList<>();
        List<Autoscaler> autoscalers = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        List<Node> documents = new ArrayList<>();
        for (Node document : composed) {
            if (Yaml.scalar(document, "kind").map(ScalarNode::getValue).orElse("").equals("List")
                    && Yaml.get(document, "items").orElse(null) instanceof SequenceNode items) {
                documents.addAll(items.getValue());
            } else {
                documents.add(document);
            }
        }
        for (Node document : documents) {
            String kind = Yaml.scalar(document, "kind").map(ScalarNode::getValue).orElse("");
            Optional<String> name = Yaml.scalar(document, "metadata", "name").map(ScalarNode::getValue);
            if (name.isEmpty()) {
                continue;
            }
            String namespace = Yaml.scalar(document, "metadata", "namespace").map(ScalarNode::getValue).orElse("default");
            if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
                Optional<Setting<Long>> replicas = number(file, document, "replicas", "spec", "replicas");
                Optional<Setting<String>> surge = Yaml.scalar(document, "spec", "strategy", "rollingUpdate", "maxSurge")
                        .map(n -> Setting.written("maxSurge", n.getValue(), n.getValue(), Yaml.at(file.path(), n)));
                workloads.add(new Workload(kind, name.get(), Yaml.at(file.path(), document), replicas, surge,
                        strings(Yaml.get(document, "spec", "template", "metadata", "labels")),
                        containers(file.path(), document), namespace));
            } else if (kind.equals("HorizontalPodAutoscaler")) {
                Optional<String> targetKind = Yaml.scalar(document, "spec", "scaleTargetRef", "kind").map(ScalarNode::getValue);
                Optional<String> targetName = Yaml.scalar(document, "spec", "scaleTargetRef", "name").map(ScalarNode::getValue);
                Optional<Setting<Long>> max = number(file, document, "maxReplicas", "spec", "maxReplicas");
                if (targetName.isPresent() && max.isPresent()) {
                    autoscalers.add(new Autoscaler(targetKind.orElse("Deployment"), targetName.get(), max.get()));
                }
            } else if (kind.equals("Service")) {
                services.add(new Service(name.get(), namespace, strings(Yaml.get(document, "spec", "selector")),
                        Yaml.at(file.path(), document)));
            }
        }
        return new Result(workloads, autoscalers, services);
    }

    private static List<Container> containers(String path, Node document) {
        List<Container> containers = new ArrayList<>();
        if (Yaml.get(document, "spec", "template", "spec", "containers").orElse(null) instanceof SequenceNode list) {
            for (Node c : list.getValue()) {
                List<Word> words = new ArrayList<>();
                for (String key : List.of("command", "args")) {
                    if (Yaml.get(c, key).orElse(null) instanceof SequenceNode items) {
                        for (Node item : items.getValue()) {
                            if (item instanceof ScalarNode s) {
                                words.add(new Word(s.getValue(), Yaml.at(path, s)));
                            }
                        }
                    }
                }
                containers.add(new Container(Yaml.scalar(c, "name").map(ScalarNode::getValue).orElse(""),
                        Yaml.scalar(c, "image").map(ScalarNode::getValue), words));
            }
        }
        return containers;
    }

    private static Map<String, String> strings(Optional<Node> node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node.orElse(null) instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
                    map.put(k.getValue(), v.getValue());
                }
            }
        }
        return map;
    }

    private static Optional<Setting<Long>> number(TextFile file, Node document, String name, String... path) {
        return Yaml.scalar(document, path).flatMap(n -> {
            try {
                long v = Long.parseLong(n.getValue().trim());
                return Optional.of(Setting.written(name, v, n.getValue(), Yaml.at(file.path(), n)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
