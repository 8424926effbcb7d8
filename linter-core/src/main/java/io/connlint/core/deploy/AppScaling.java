package io.connlint.core.deploy;

import io.connlint.core.config.AppDecl;
import io.connlint.core.model.Note;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.compose.ComposeFiles;
import io.connlint.core.read.k8s.KubernetesManifests;
import io.connlint.core.read.mycnf.ProjectPaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How many instances of an app run: steadily, during a rolling deploy, at the autoscaling
 * ceiling — from connlint.yml, else from the manifests the app's {@code deployment:} names
 * (Kubernetes manifests or compose files), else from a workload bearing the app's name in the
 * manifests other entries of connlint.yml name, else from the project root's compose file when
 * one of its services bears the app's name.
 *
 * @param instances the instances that run steadily
 * @param rollout   instances while a rolling deploy runs (instances + surge), when known
 * @param maximum   the autoscaling ceiling, when known
 */
public record AppScaling(Setting<Long> instances, Optional<Setting<Long>> rollout, Optional<Setting<Long>> maximum) {

    /**
     * Kubernetes' default maxSurge for a Deployment (apps/v1 RollingUpdateDeployment API reference:
     * "Absolute number is calculated from percentage by rounding up. Defaults to 25%.").
     */
    public static final String KUBERNETES_DEFAULT_SURGE = "25%";

    /**
     * Instances: connlint.yml's {@code instances}, else the workload's {@code replicas} (Deployment
     * or StatefulSet; Kubernetes' default 1), else the compose service's {@code deploy.replicas} or
     * {@code scale} (compose's default 1). Surge: connlint.yml's {@code maxSurge}, else the
     * Deployment's, else Kubernetes' 25%; a StatefulSet replaces pods one by one and compose stops
     * a container before it starts its replacement, so neither surges. Ceiling: {@code maxInstances},
     * else a HorizontalPodAutoscaler's {@code maxReplicas} whose scaleTargetRef names the workload.
     */
    public static AppScaling of(AppDecl app, ComposeFiles.Project rootCompose, Supplier<ByName> shared, ProjectPaths paths,
                         ServerRuntime.Sink sink) {
        Optional<KubernetesManifests.Workload> workload = Optional.empty();
        List<KubernetesManifests.Autoscaler> autoscalers = List.of();
        Optional<Setting<Long>> composeReplicas = Optional.empty();
        List<Path> files = sink.deploymentFiles(app.deployment());
        boolean byNameOnly = files.isEmpty() && app.instances().isEmpty();
        ByName byName = byNameOnly ? shared.get() : null;
        List<KubernetesManifests.Result> manifests = new ArrayList<>();
        for (Path file : files) {
            DeploymentFile read = sink.read(file);
            if (read.compose().isPresent() && !byNameOnly) {
                Optional<ComposeFiles.Service> service = service(app.id(), read.compose().get());
                if (service.isEmpty()) {
                    sink.note(new Note(SourceLocation.startOf(paths.display(file)), "several compose services and"
                            + " none named " + app.id() + "; the instances of " + app.id() + " are not known"));
                }
                composeReplicas = composeReplicas.or(() -> service.map(AppScaling::replicas));
            }
            read.kubernetes().ifPresent(manifests::add);
        }
        if (byNameOnly) {
            // no deployment: of its own: a workload of the project's other manifests that bears its name
            workload = Optional.ofNullable(byName.workloads.get(app.id()));
            autoscalers = byName.autoscalers.getOrDefault(app.id(), List.of());
        }
        if (!manifests.isEmpty()) {
            KubernetesManifests.Result k8s = KubernetesManifests.merge(manifests);
            autoscalers = k8s.autoscalers();
            List<KubernetesManifests.Workload> workloads = k8s.workloads();
            workload = workloads.size() == 1 ? Optional.of(workloads.get(0))
                    : workloads.stream().filter(w -> w.name().equals(app.id())).findFirst();
            if (workload.isEmpty() && composeReplicas.isEmpty()) {
                SourceLocation at = app.deployment().get(0).location().orElse(app.at());
                sink.note(new Note(at, workloads.isEmpty()
                        ? "no Deployment or StatefulSet in apps." + app.id() + ".deployment; the instances of "
                                + app.id() + " are not known"
                        : "several workloads in apps." + app.id() + ".deployment and none named " + app.id()
                                + "; the instances of " + app.id() + " are not known"));
            }
        }
        if (byNameOnly && workload.isEmpty()) {
            composeReplicas = Optional.ofNullable(rootCompose.services().get(app.id())).map(AppScaling::replicas);
        }
        Optional<KubernetesManifests.Workload> w = workload;
        Optional<Setting<Long>> fromCompose = composeReplicas;
        Setting<Long> instances = app.instances()
                .or(() -> w.map(x -> x.replicas().orElseGet(() -> Setting.engineDefault("replicas", 1L, "Kubernetes"))))
                .or(() -> fromCompose)
                .orElseGet(() -> Setting.assumed("instances", 1L, "apps." + app.id() + " declares no instances"));
        Optional<Setting<String>> surge = app.maxSurge().or(() -> w.filter(x -> x.kind().equals("Deployment"))
                .map(x -> x.maxSurge().orElseGet(() -> Setting.engineDefault("maxSurge", KUBERNETES_DEFAULT_SURGE,
                        "Kubernetes"))));
        Optional<Setting<Long>> rollout = surge.filter(s -> s.value().trim().matches("\\d{1,9}%?")).map(s -> {
            long extra = surgeCount(s.value(), instances.effective());
            return Setting.derived("instances during rollout", instances.effective() + extra,
                    instances.effective() + " + maxSurge " + s.value() + " (" + s.origin().describe() + ") = "
                            + (instances.effective() + extra));
        });
        List<KubernetesManifests.Autoscaler> hpas = autoscalers;
        Optional<Setting<Long>> maximum = app.maxInstances().or(() -> w.flatMap(x -> hpas.stream()
                .filter(h -> h.targetName().equals(x.name()) && h.targetKind().equals(x.kind()))
                .map(KubernetesManifests.Autoscaler::maxReplicas).findFirst()));
        return new AppScaling(instances, rollout, maximum);
    }

    /**
     * The workloads and autoscalers of every manifest connlint.yml names, by name, merged once per
     * project: each app without a {@code deployment:} of its own looks itself up here, in one
     * lookup rather than a pass over every manifest.
     */
    public static final class ByName {
        private final Map<String, KubernetesManifests.Workload> workloads = new HashMap<>();
        private final Map<String, List<KubernetesManifests.Autoscaler>> autoscalers = new HashMap<>();

        /** Reads {@code shared} in order (each file once, through the sink's cache); the first workload of a name wins. */
        ByName(List<Path> shared, ServerRuntime.Sink sink) {
            List<KubernetesManifests.Result> manifests = new ArrayList<>();
            for (Path file : shared) {
                sink.read(file).kubernetes().ifPresent(manifests::add);
            }
            KubernetesManifests.Result merged = KubernetesManifests.merge(manifests);
            merged.workloads().forEach(w -> workloads.putIfAbsent(w.name(), w));
            merged.autoscalers().forEach(h -> autoscalers.computeIfAbsent(h.targetName(), k -> new ArrayList<>()).add(h));
        }
    }

    /** The service named after the app, else the only service that is not a database. */
    private static Optional<ComposeFiles.Service> service(String app, ComposeFiles.Project compose) {
        ComposeFiles.Service named = compose.services().get(app);
        if (named != null) {
            return Optional.of(named);
        }
        List<ComposeFiles.Service> others = compose.services().values().stream()
                .filter(s -> !s.isMysqlFamily()).toList();
        return others.size() == 1 ? Optional.of(others.get(0)) : Optional.empty();
    }

    private static Setting<Long> replicas(ComposeFiles.Service s) {
        return s.replicas().orElseGet(() -> Setting.engineDefault("replicas", 1L, "docker compose"));
    }

    /** maxSurge as Kubernetes reads it: a number of pods, or a percentage of replicas rounded up. */
    public static long surgeCount(String surge, long replicas) {
        String s = surge.trim();
        if (s.endsWith("%")) {
            long percent = Long.parseLong(s.substring(0, s.length() - 1).trim());
            try {
                return Math.addExact(Math.multiplyExact(replicas, percent), 99) / 100;
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE / 100; // no real Deployment comes near; the budget saturates rather than wraps
            }
        }
        return Long.parseLong(s);  // callers pass only digits, with or without %
    }
}
