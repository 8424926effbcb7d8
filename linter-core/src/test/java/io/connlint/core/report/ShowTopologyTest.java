package io.connlint.core.report;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.ProjectLoader;
import io.connlint.core.model.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code connlint show}: each app's instance figures and each server variable with where it came from. */
class ShowTopologyTest {

    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void instancesRolloutAndMaximumWithTheirOrigins() throws IOException {
        write("compose.yaml", """
                services:
                  db:
                    image: mysql:8.0
                    command: mysqld --max-connections=300
                """);
        write("k8s/orders.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: orders }
                spec:
                  replicas: 4
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: { name: orders }
                spec:
                  scaleTargetRef: { kind: Deployment, name: orders }
                  maxReplicas: 8
                """);
        write("orders/hikari.properties", "jdbcUrl=jdbc:mysql://db/orders\nmaximumPoolSize=5\n");
        write("connlint.yml", "servers:\n  main: { engine: mysql-8.0 }\napps:\n"
                + "  orders: { config: [orders/hikari.properties], deployment: k8s/orders.yaml }\n");
        Deployment model = ProjectLoader.load(LintRequest.of(root)).model();
        StringBuilder text = new StringBuilder();
        ModelWriter.text(model, text);
        String out = text.toString();
        assertTrue(out.contains("  hosts: db\n"), out);
        assertTrue(out.contains("  max_connections 300: set on the command line at compose.yaml:4:21\n"), out);
        assertTrue(out.contains("pool orders (hikari, app orders) -> server main\n"), out);
        assertTrue(out.contains("  instances = 4  [k8s/orders.yaml:5:13]\n"), out);
        assertTrue(out.contains("  instances during rollout = 5  [derived: 4 + maxSurge 25% (engine default for "
                + "Kubernetes) = 5]\n"), out);
        assertTrue(out.contains("  maxInstances = 8  [k8s/orders.yaml:12:16]\n"), out);

        StringBuilder json = new StringBuilder();
        ModelWriter.json(model, "test", json);
        String j = json.toString().replaceAll("\\s+", " ");
        assertTrue(j.contains("\"rolloutInstances\" : { \"value\" : 5,"), j);
        assertTrue(j.contains("\"maxInstances\" : { \"value\" : 8, \"raw\" : \"8\", \"origin\" : \"k8s/orders.yaml:12:16\""), j);
        assertTrue(j.contains("\"origin\" : \"command line at compose.yaml:4:21\""), j);
    }
}
