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

/** {@code connlint show}: each effective server variable with its origin chain. */
class ModelWriterTest {

    @TempDir
    Path root;

    private String show() throws IOException {
        Deployment model = ProjectLoader.load(LintRequest.of(root)).model();
        StringBuilder out = new StringBuilder();
        ModelWriter.text(model, out);
        return out.toString();
    }

    private void write(String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void theOpenFilesCutShowsItsChain() throws IOException {
        write("db/my.cnf", "[mysqld]\nmax_connections = 500\nwait_timeout = 600\n");
        write("connlint.yml", "servers:\n  main:\n    engine: mysql-8.0\n    optionFiles: [db/my.cnf]\n"
                + "    openFilesLimit: 1024\n");
        String text = show();
        assertTrue(text.contains("  max_connections 214: derived from open_files_limit 1024 (MySQL cuts to files − 810), "
                + "requested 500 at db/my.cnf:2:1 [the server logs: Changed limits: max_connections: 214 "), text);
        assertTrue(text.contains("  wait_timeout 600: set at db/my.cnf:3:1\n"), text);
        assertTrue(text.contains("  interactive_timeout 28800: engine default for mysql-8.0\n"), text);
        assertTrue(text.contains("  thread_cache_size 10: derived: min(100, 8 + max_connections 214 / 100)\n"), text);
        assertTrue(text.contains("  openFilesLimit: 1024 from openFilesLimit at connlint.yml:5:"), text);
    }

    @Test
    void aSystemdLimitAndARefusalAreShown() throws IOException {
        write("db/my.cnf", "[mysqld]\nmax_connections = 2000\nwait_timeout = 1.5G\n");
        write("deploy/mariadb.service.d/limits.conf", "[Service]\nLimitNOFILE=1024:1024\n");
        write("connlint.yml", "servers:\n  main:\n    engine: mariadb-10.11\n    optionFiles: [db/my.cnf]\n");
        String text = show();
        assertTrue(text.contains("  openFilesLimit: 1024 from systemd LimitNOFILE=1024:1024 at "
                + "deploy/mariadb.service.d/limits.conf:2:1"), text);
        // MariaDB 10.11 at 1024 files with 2000 connections: the subtraction wraps, no cut (DESIGN.md)
        assertTrue(text.contains("  max_connections 2000: set at db/my.cnf:2:1\n"), text);
        assertTrue(text.contains("  refused (CL504) db/my.cnf:3:1: wait_timeout = 1.5G"), text);
        StringBuilder json = new StringBuilder();
        ModelWriter.json(ProjectLoader.load(LintRequest.of(root)).model(), "test", json);
        String compact = json.toString().replaceAll("\\s*\n\\s*", "").replace(" : ", ":");
        assertTrue(compact.contains("\"issues\":[{\"code\":\"CL504\",\"message\":\"wait_timeout = 1.5G"), compact);
    }
}
