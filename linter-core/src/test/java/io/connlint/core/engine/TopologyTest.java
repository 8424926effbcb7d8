package io.connlint.core.engine;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.OverriddenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where servers run (compose, Kubernetes) and which pool talks to which server. */
class TopologyTest {

    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private Deployment load() {
        return ProjectLoader.load(LintRequest.of(root)).model();
    }

    private static ClientPool pool(Deployment model, String id) {
        return model.pools().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void composeCommandLineIsAppliedAfterTheOptionFilesAndMountsMapIncludes() throws IOException {
        write("db/my.cnf", "[mysqld]\nmax_connections = 100\n!includedir /etc/mysql/conf.d/\n");
        write("db/conf.d/tuning.cnf", "[mysqld]\ninteractive_timeout = 99\n");
        write("compose.yaml", """
                services:
                  db:
                    image: mysql:8.0
                    command: --max-connections=500 --wait_timeout 120
                    volumes:
                      - ./db/conf.d:/etc/mysql/conf.d:ro
                """);
        write("connlint.yml", "servers:\n  main: { engine: mysql-8.0, optionFiles: [db/my.cnf] }\n");
        Deployment model = load();
        DatabaseServer main = model.servers().get(0);
        assertEquals(500L, main.maxConnections().effective());
        assertEquals("command line at compose.yaml:4:14", main.maxConnections().origin().describe());
        assertEquals(120L, main.waitTimeout().effective());
        assertEquals("command line at compose.yaml:4:36", main.waitTimeout().origin().describe());
        assertEquals("db/conf.d/tuning.cnf:2:1", main.variable("interactive_timeout").orElseThrow().origin().describe());
        assertEquals(List.of("db/my.cnf", "db/conf.d/tuning.cnf"), main.optionFiles());
        assertEquals(List.of("db"), main.hosts());
        OverriddenOption overridden = main.overridden().stream().findFirst().orElseThrow();
        assertEquals("db/my.cnf:2:1", overridden.at().toString());
        String winner = overridden.winner().origin().describe();
        assertTrue(winner.contains("command line at compose.yaml:4:14"), winner);
    }

    @Test
    void mountedOptionFilesAreReadWhenConnlintYmlNamesNone() throws IOException {
        write("mysql/conf.d/b.cnf", "[mysqld]\nmax_connections = 300\n");
        write("mysql/conf.d/a.cnf", "[mysqld]\nmax_connections = 200\nwait_timeout = 60\n");
        write("docker-compose.yml", """
                services:
                  mysql:
                    image: mariadb:10.11
                    volumes:
                      - type: bind
                        source: ./mysql/conf.d
                        target: /etc/mysql/conf.d
                """);
        write("connlint.yml", "servers:\n  main: { engine: mariadb-10.11 }\n");
        DatabaseServer main = load().servers().get(0);
        assertEquals(List.of("mysql/conf.d/a.cnf", "mysql/conf.d/b.cnf"), main.optionFiles());
        assertEquals(300L, main.maxConnections().effective());
        assertEquals(60L, main.waitTimeout().effective());
    }

    @Test
    void poolsAreMatchedByHostsServiceNamesAndKubernetesServices() throws IOException {
        write("compose.yaml", """
                services:
                  orders-db: { image: "mysql:8.0", command: ["--max-connections=400"] }
                  billing-db: { image: "mariadb:11.4" }
                """);
        write("k8s/ledger-db.yaml", """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: { name: ledger-mysql, namespace: prod }
                spec:
                  replicas: 1
                  template:
                    metadata: { labels: { app: ledger-db, tier: db } }
                    spec:
                      containers:
                        - name: mysql
                          image: mysql:8.4
                          args: ["--max-connections", "900"]
                ---
                apiVersion: v1
                kind: Service
                metadata: { name: ledger, namespace: prod }
                spec: { selector: { app: ledger-db } }
                ---
                apiVersion: v1
                kind: Service
                metadata: { name: other, namespace: prod }
                spec: { selector: { app: something-else } }
                """);
        write("orders/hikari.properties", "jdbcUrl=jdbc:mysql://orders-db:3306/orders\nmaximumPoolSize=5\n");
        write("billing/hikari.properties", "jdbcUrl=jdbc:mysql://nowhere:3306,billing-db:3306/billing\n");
        write("ledger/hikari.properties", "jdbcUrl=jdbc:mysql://ledger.prod.svc.cluster.local/ledger\n");
        write("audit/hikari.properties", "jdbcUrl=jdbc:mysql://10.0.0.5:3307/audit\n");
        write("lost/hikari.properties", "jdbcUrl=jdbc:mysql://10.0.0.5:3306/lost\n");
        write("shop/settings.py", """
                DATABASES = {"default": {"ENGINE": "django.db.backends.mysql", "NAME": "shop",
                                         "HOST": "billing-db", "PORT": "3306"}}
                """);
        write("connlint.yml", """
                servers:
                  orders-db: { engine: mysql-8.0 }
                  billing: { engine: mariadb-11.4, hosts: [billing-db] }
                  ledger: { engine: mysql-8.4, deployment: k8s/ledger-db.yaml }
                  audit: { engine: mysql-8.0, hosts: ["10.0.0.5:3307"] }
                apps:
                  orders: { config: [orders/hikari.properties] }
                  billing: { config: [billing/hikari.properties] }
                  ledger: { config: [ledger/hikari.properties] }
                  audit: { config: [audit/hikari.properties] }
                  lost: { config: [lost/hikari.properties] }
                  shop: { config: [shop/settings.py] }
                """);
        Deployment model = load();
        assertEquals(Map.of("orders", "orders-db", "billing", "billing", "ledger", "ledger", "audit", "audit",
                "shop", "billing"), model.poolServer());
        assertEquals(400L, model.server("orders-db").orElseThrow().maxConnections().effective());
        DatabaseServer ledger = model.server("ledger").orElseThrow();
        assertEquals(900L, ledger.maxConnections().effective());
        assertEquals("command line at k8s/ledger-db.yaml:12:18", ledger.maxConnections().origin().describe());
        assertEquals(List.of("ledger-mysql", "ledger", "ledger.prod", "ledger.prod.svc",
                "ledger.prod.svc.cluster.local"), ledger.hosts());
    }

    @Test
    void oneServerTakesEveryPool() throws IOException {
        write("a/hikari.properties", "jdbcUrl=jdbc:mysql://somewhere/a\n");
        write("connlint.yml", "servers:\n  main: { engine: mysql-8.0 }\napps:\n  a: { config: [a/hikari.properties] }\n");
        assertEquals(Map.of("a", "main"), load().poolServer());
    }

    @Test
    void composeReplicasGiveInstances() throws IOException {
        write("compose.yaml", """
                services:
                  db: { image: mysql }
                  orders: { image: shop/orders, deploy: { replicas: 3 } }
                """);
        write("deploy/billing-compose.yml", "services:\n  billing: { image: b, scale: 2 }\n  db: { image: mysql }\n");
        write("orders/hikari.properties", "maximumPoolSize=5\n");
        write("billing/hikari.properties", "maximumPoolSize=5\n");
        write("connlint.yml", """
                servers:
                  db: { engine: mysql-8.0 }
                apps:
                  orders: { config: [orders/hikari.properties] }
                  billing: { config: [billing/hikari.properties], deployment: deploy/billing-compose.yml }
                """);
        Deployment model = load();
        ClientPool orders = pool(model, "orders");
        assertEquals(3L, orders.instances().effective());
        assertEquals("compose.yaml:3:53", orders.instances().origin().describe());
        assertTrue(orders.rolloutInstances().isEmpty(), "compose stops a container before starting its replacement");
        ClientPool billing = pool(model, "billing");
        assertEquals(2L, billing.instances().effective());
        assertEquals("deploy/billing-compose.yml:2:31", billing.instances().origin().describe());
    }

    @Test
    void discoveryReadsTheRootComposeDatabase() throws IOException {
        write("compose.yaml", """
                services:
                  db:
                    image: mariadb:11.4
                    command: ["--max-connections=250"]
                  orders: { image: shop/orders, deploy: { replicas: 4 } }
                """);
        write("orders/src/main/resources/hikari.properties", "jdbcUrl=jdbc:mariadb://db/orders\nmaximumPoolSize=5\n");
        Deployment model = load();
        DatabaseServer server = model.servers().get(0);
        assertEquals(250L, server.maxConnections().effective());
        assertEquals("command line at compose.yaml:4:15", server.maxConnections().origin().describe());
        assertEquals("mariadb-11.4", server.engine().id(), "from the image tag");
        assertTrue(model.notes().stream().anyMatch(n -> n.text().equals("server default declares no engine; "
                + "mariadb-11.4 from its image mariadb:11.4") && n.at().toString().equals("compose.yaml:3:12")),
                model.notes().toString());
        assertEquals(4L, pool(model, "orders").instances().effective());
        assertEquals(Map.of("orders", ProjectLoader.DISCOVERED_SERVER), model.poolServer());
    }

    @Test
    void corpusPerconaComposeIsTheDiscoveredServer() throws IOException {
        Path corpus = io.connlint.core.testing.Corpus.realworld("deploy");
        Files.copy(corpus.resolve("gorestarter-compose-percona-max-connections-list.yml"), root.resolve("compose.yml"));
        DatabaseServer server = load().servers().get(0);
        assertEquals("mysql-5.7", server.engine().id());
        assertEquals(1000L, server.maxConnections().effective());
        assertEquals("command line at compose.yml:8:9", server.maxConnections().origin().describe());
        assertEquals(2L << 30, server.variable("innodb_buffer_pool_size").orElseThrow().effective());
        assertEquals(List.of("percona"), server.hosts());
    }

    @Test
    void corpusComposeWithAnImageFromAVariableIsTakenByServiceName() throws IOException {
        Path corpus = io.connlint.core.testing.Corpus.realworld("deploy");
        Files.copy(corpus.resolve("mariadb-connector-j-travis-compose-max-connections.yml"), root.resolve("ci.yml"));
        write("connlint.yml", "servers:\n  db: { engine: mariadb-10.11, deployment: ci.yml }\n");
        Deployment model = load();
        DatabaseServer db = model.servers().get(0);
        assertEquals(500L, db.maxConnections().effective());
        assertEquals("command line at ci.yml:5:14", db.maxConnections().origin().describe());
        assertTrue(db.variable("max_allowed_packet").map(v -> !v.isWritten()).orElse(true),
                "--max-allowed-packet=$PACKET is not applied");
        assertTrue(model.notes().stream().anyMatch(n -> n.text().contains("'--max-allowed-packet=$PACKET'")),
                model.notes().toString());
        assertTrue(model.notes().stream().anyMatch(n -> n.text().contains("'$ADDITIONAL_CONF'")),
                model.notes().toString());
    }

    @Test
    void aBrokenComposeFileIsAProblemAndTheRestIsRead() throws IOException {
        write("compose.yaml", "services:\n  db: [\n");
        write("a/hikari.properties", "maximumPoolSize=5\n");
        write("connlint.yml", "servers:\n  main: { engine: mysql-8.0 }\napps:\n  a: { config: [a/hikari.properties] }\n");
        Deployment model = load();
        assertEquals(1, model.problems().size(), model.problems().toString());
        assertEquals("compose.yaml", model.problems().get(0).at().path());
        assertEquals(1, model.pools().size());
    }
}
