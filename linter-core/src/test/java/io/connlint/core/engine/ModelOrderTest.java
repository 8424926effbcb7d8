package io.connlint.core.engine;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ReadProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many servers and apps: the model, its problems and the pool → server links keep declaration
 * order, and each server's pools (indexed once in the model) are those linked to it.
 */
class ModelOrderTest {

    private static final int N = 24;

    @TempDir
    Path root;

    @Test
    void serversPoolsAndProblemsKeepTheirDeclarationOrder() throws IOException {
        StringBuilder yml = new StringBuilder("servers:\n");
        for (int i = 0; i < N; i++) {
            write("db" + i + "/my.cnf", "[mysqld]\nmax_connections = " + (100 + i) + "\n");
            // every third server also names a file that does not exist: one problem each, in order
            yml.append("  s").append(i).append(":\n    engine: mysql-8.0\n    optionFiles: [db").append(i)
                    .append("/my.cnf").append(i % 3 == 0 ? ", missing" + i + ".cnf" : "").append("]\n")
                    .append("    hosts: [db").append(i).append(".internal, shared.internal]\n");
        }
        yml.append("apps:\n");
        for (int i = 0; i < N; i++) {
            // app i connects to db(N-1-i); "shared.internal" is declared by every server: the first wins
            String host = i % 2 == 0 ? "db" + (N - 1 - i) + ".internal" : "shared.internal";
            write("app" + i + "/hikari.properties", "jdbcUrl=jdbc:mysql://" + host + "/x\nmaximumPoolSize=" + i + "\n");
            yml.append("  a").append(i).append(": { config: [app").append(i).append("/hikari.properties")
                    .append(i % 4 == 1 ? ", nope" + i + ".properties" : "").append("], instances: 1 }\n");
        }
        write("connlint.yml", yml.toString());

        Deployment model = ProjectLoader.load(LintRequest.of(root)).model();

        assertEquals(N, model.servers().size());
        assertEquals(N, model.pools().size());
        for (int i = 0; i < N; i++) {
            DatabaseServer s = model.servers().get(i);
            assertEquals("s" + i, s.id());
            assertEquals(100L + i, s.maxConnections().effective());
            ClientPool p = model.pools().get(i);
            assertEquals("a" + i, p.id());
            String server = i % 2 == 0 ? "s" + (N - 1 - i) : "s0";
            assertEquals(server, model.poolServer().get(p.id()), p.id());
        }
        List<String> odd = new java.util.ArrayList<>();
        for (int i = 1; i < N; i += 2) {
            odd.add("a" + i);
        }
        assertEquals(odd, ids(model.poolsOf(model.servers().get(0))));
        for (int k = 1; k < N; k++) {
            assertEquals(k % 2 == 1 ? List.of("a" + (N - 1 - k)) : List.of(), ids(model.poolsOf(model.servers().get(k))));
        }
        List<String> problems = model.problems().stream().map(ReadProblem::message).toList();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < N; i += 3) {
            expected.append("'missing").append(i).append(".cnf' does not exist (relative to the project root)\n");
        }
        for (int i = 1; i < N; i += 4) {
            expected.append("'nope").append(i).append(".properties' does not exist (relative to the project root)\n");
        }
        assertEquals(expected.toString(), String.join("\n", problems) + "\n");
    }

    @Test
    void poolsOfAServerAreThoseLinkedToIt() throws IOException {
        write("db/my.cnf", "[mysqld]\nmax_connections = 10\n");
        write("connlint.yml", "servers:\n  a: { engine: mysql-8.0, optionFiles: [db/my.cnf], hosts: [a] }\n"
                + "  b: { engine: mysql-8.0, optionFiles: [db/my.cnf], hosts: [b] }\n"
                + "apps:\n  x: { config: [x.properties] }\n  y: { config: [y.properties] }\n"
                + "  z: { config: [z.properties] }\n  w: { config: [w.properties] }\n");
        write("x.properties", "jdbcUrl=jdbc:mysql://b/x\n");
        write("y.properties", "jdbcUrl=jdbc:mysql://a/x\n");
        write("z.properties", "jdbcUrl=jdbc:mysql://b:3307/x\n");
        write("w.properties", "jdbcUrl=jdbc:mysql://b:3306/x\n");
        Deployment model = ProjectLoader.load(LintRequest.of(root)).model();
        assertEquals(List.of("y"), model.poolsOf(model.server("a").orElseThrow()).stream().map(ClientPool::id).toList());
        assertEquals(List.of("x", "z", "w"), model.poolsOf(model.server("b").orElseThrow()).stream()
                .map(ClientPool::id).toList());
        Deployment copy = model.withProblems(List.of());
        assertEquals(model.pools(), copy.pools());
        assertEquals(List.of("x", "z", "w"), copy.poolsOf(copy.server("b").orElseThrow()).stream()
                .map(ClientPool::id).toList());
    }

    private static List<String> ids(List<ClientPool> pools) {
        return pools.stream().map(ClientPool::id).toList();
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
