package io.connlint.core.fuzz;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.k8s.KubernetesManifests;

import java.nio.file.Path;
import java.util.List;

/** Kubernetes manifests: Deployment replicas and maxSurge, HPA maxReplicas, through the safe YAML composer. */
class KubernetesFuzzTest extends ReaderFuzz {

    @Override
    String reader() {
        return "kubernetes";
    }

    @Override
    List<String> corpusDirectories() {
        return List.of("deploy");
    }

    @Override
    boolean isSeed(String fileName) {
        return fileName.endsWith(".yaml") || fileName.endsWith(".yml");
    }

    @Override
    List<String> builtInSeeds() {
        return List.of("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: orders
                spec:
                  replicas: 3
                  strategy:
                    type: RollingUpdate
                    rollingUpdate:
                      maxSurge: 25%
                      maxUnavailable: 0
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: orders
                spec:
                  scaleTargetRef:
                    kind: Deployment
                    name: orders
                  minReplicas: 2
                  maxReplicas: 12
                """);
    }

    @Override
    List<String> dictionary() {
        return Yamls.DICTIONARY_K8S;
    }

    @Override
    String hostile(int variant, int size) {
        return Yamls.hostile(variant, size, "spec:\n  replicas: ");
    }

    @Override
    List<ReadProblem> read(Path dir, Seed seed, byte[] input) throws Exception {
        KubernetesManifests.read(decode(dir, "deploy.yaml", input));
        return List.of();
    }
}
