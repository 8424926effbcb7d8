package io.connlint.rules.budget;

import io.connlint.core.model.budget.Scenario;
import io.connlint.core.finding.Finding;
import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.Linter;
import io.connlint.core.engine.ProjectLoader;
import io.connlint.core.rule.RuleRegistry;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.testing.Corpus;
import io.connlint.rules.BuiltInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The k8s-docker-springboot set of the corpus as one repository: a Spring Boot app (HikariCP
 * maximum-pool-size 5) run by a Deployment of 4 replicas (Kubernetes' default maxSurge 25%) and an
 * HPA up to 8, against a mysql:8 StatefulSet with no flags (max_connections 151).
 */
class KubernetesScenarioTest {

    @TempDir
    Path root;

    private void project(String reserved) throws IOException {
        Path deploy = Corpus.realworld("deploy");
        Path spring = Corpus.realworld("spring");
        copy(deploy.resolve("k8s-docker-springboot-app-deployment.yaml"), "k8s/app/deployment.yaml");
        copy(deploy.resolve("k8s-docker-springboot-app-hpa.yaml"), "k8s/app/hpa.yaml");
        copy(deploy.resolve("k8s-docker-springboot-mysql-statefulset.yaml"), "k8s/mysql/statefulset.yaml");
        copy(spring.resolve("k8s-docker-springboot-application.properties"),
                "JAVA/src/main/resources/application.properties");
        Files.writeString(root.resolve("connlint.yml"), """
                servers:
                  mysql: { engine: mysql-8.0, deployment: k8s/mysql, reserved: %s }
                apps:
                  springboot-api:
                    config: [JAVA/src/main/resources/application.properties]
                    deployment: k8s/app
                """.formatted(reserved));
    }

    private void copy(Path from, String to) throws IOException {
        Path target = root.resolve(to);
        Files.createDirectories(target.getParent());
        Files.copy(from, target);
    }

    @Test
    void replicasSurgeAndAutoscalerGiveTheBudgetTerms() throws IOException {
        project("0");
        Deployment model = ProjectLoader.load(LintRequest.of(root)).model();
        assertEquals(Map.of("springboot-api", "mysql"), model.poolServer());
        ClientPool pool = model.pools().get(0);
        assertEquals("springboot-api: 4 instances × 1 process × maximumPoolSize 5 = 20",
                Budget.term(pool, Scenario.STEADY));
        assertEquals("springboot-api: 5 instances (derived: 4 + maxSurge 25% (engine default for Kubernetes) = 5)"
                + " × 1 process × maximumPoolSize 5 = 25", Budget.term(pool, Scenario.ROLLOUT));
        assertEquals("springboot-api: 8 instances × 1 process × maximumPoolSize 5 = 40",
                Budget.term(pool, Scenario.AUTOSCALED));
        assertEquals("k8s/app/deployment.yaml:6:13", pool.instances().origin().describe());
        assertEquals("k8s/app/hpa.yaml:11:16", pool.maxInstances().orElseThrow().origin().describe());
        assertEquals(151L, model.servers().get(0).maxConnections().effective());
        assertEquals(List.of("mysql"), model.servers().get(0).hosts());
        assertEquals(List.of(), budgetFindings());
    }

    @Test
    void reservedConnectionsLeaveRoomUntilTheAutoscalerMaximum() throws IOException {
        // 20 + 120 and 25 + 120 fit 151; 40 + 120 does not
        project("120");
        assertEquals(List.of("CL103"), budgetFindings());
    }

    private List<String> budgetFindings() {
        return new Linter(new RuleRegistry(BuiltInRules.all())).lint(LintRequest.of(root)).findings().stream()
                .map(Finding::rule).map(r -> r.code()).filter(c -> List.of("CL101", "CL102", "CL103").contains(c))
                .toList();
    }
}
