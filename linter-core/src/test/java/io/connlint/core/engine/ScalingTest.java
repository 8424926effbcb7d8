package io.connlint.core.engine;

import io.connlint.core.deploy.AppScaling;
import io.connlint.core.model.ClientPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instances from Kubernetes manifests: replicas, rolling-update surge, autoscaler ceiling. */
class ScalingTest {

    @TempDir
    Path root;

    @Test
    void surgeIsPodsOrAPercentageRoundedUp() {
        assertEquals(2, AppScaling.surgeCount("25%", 6));
        assertEquals(1, AppScaling.surgeCount("25%", 1));
        assertEquals(0, AppScaling.surgeCount("0", 6));
        assertEquals(3, AppScaling.surgeCount("3", 6));
        assertEquals(6, AppScaling.surgeCount("100%", 6));
        assertEquals(Long.MAX_VALUE / 100, AppScaling.surgeCount("999999999%", Long.MAX_VALUE / 2)); // saturates
    }

    @Test
    void readsReplicasSurgeAndTheMatchingAutoscaler() throws IOException {
        write("k8s/all.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: orders }
                spec:
                  replicas: 6
                  strategy: { rollingUpdate: { maxSurge: 2 } }
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: { name: ledger }
                spec: { replicas: 3 }
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: { name: orders-hpa }
                spec:
                  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: orders }
                  maxReplicas: 12
                """);
        write("orders/hikari.properties", "maximumPoolSize=5\n");
        write("ledger/hikari.properties", "maximumPoolSize=5\n");
        write("connlint.yml", "servers:\n  main: { engine: mysql-8.0 }\napps:\n"
                + "  orders: { config: [orders/hikari.properties], deployment: k8s/all.yaml }\n"
                + "  ledger: { config: [ledger/hikari.properties], deployment: k8s/all.yaml }\n");
        var model = ProjectLoader.load(LintRequest.of(root)).model();
        ClientPool orders = model.pools().stream().filter(p -> p.id().equals("orders")).findFirst().orElseThrow();
        assertEquals(6L, orders.instances().effective());
        assertEquals("k8s/all.yaml:5:13", orders.instances().location().orElseThrow().toString());
        assertEquals(8L, orders.rolloutInstances().orElseThrow().effective());
        assertEquals(12L, orders.maxInstances().orElseThrow().effective());
        ClientPool ledger = model.pools().stream().filter(p -> p.id().equals("ledger")).findFirst().orElseThrow();
        assertEquals(3L, ledger.instances().effective());
        assertTrue(ledger.rolloutInstances().isEmpty(), "a StatefulSet replaces pods one by one: no surge");
        assertTrue(ledger.maxInstances().isEmpty());
    }

    @Test
    void anAppWithoutDeploymentIsMatchedByNameInTheProjectsManifests() throws IOException {
        write("k8s/db.yaml", """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: { name: mysql }
                spec:
                  template: { spec: { containers: [ { name: mysql, image: "mysql:8.0" } ] } }
                """);
        write("k8s/apps/orders.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: orders }
                spec: { replicas: 5 }
                """);
        write("k8s/apps/orders-hpa.yaml", """
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: { name: orders }
                spec: { scaleTargetRef: { kind: Deployment, name: orders }, maxReplicas: 9 }
                """);
        write("orders/hikari.properties", "maximumPoolSize=5\n");
        write("billing/hikari.properties", "maximumPoolSize=5\n");
        write("ledger/hikari.properties", "maximumPoolSize=5\n");
        write("connlint.yml", "servers:\n  main: { engine: mysql-8.0, deployment: k8s/db.yaml }\napps:\n"
                + "  ledger: { config: [ledger/hikari.properties], deployment: k8s/apps }\n"
                + "  orders: { config: [orders/hikari.properties] }\n"
                + "  billing: { config: [billing/hikari.properties] }\n");
        var model = ProjectLoader.load(LintRequest.of(root)).model();
        ClientPool orders = model.pools().stream().filter(p -> p.id().equals("orders")).findFirst().orElseThrow();
        assertEquals(5L, orders.instances().effective());
        assertEquals("k8s/apps/orders.yaml:4:19", orders.instances().origin().describe());
        assertEquals(7L, orders.rolloutInstances().orElseThrow().effective());
        assertEquals(9L, orders.maxInstances().orElseThrow().effective());
        ClientPool billing = model.pools().stream().filter(p -> p.id().equals("billing")).findFirst().orElseThrow();
        assertTrue(billing.instances().origin() instanceof io.connlint.core.model.Origin.Assumed, "no workload named billing");
        ClientPool ledger = model.pools().stream().filter(p -> p.id().equals("ledger")).findFirst().orElseThrow();
        assertEquals(5L, ledger.instances().effective(), "the only workload of the files ledger names is taken");
        assertTrue(model.problems().isEmpty(), model.problems().toString());
    }

    private void write(String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
