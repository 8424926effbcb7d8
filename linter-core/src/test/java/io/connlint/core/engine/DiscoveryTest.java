package io.connlint.core.engine;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscoveryTest {

    @TempDir
    Path root;

    @Test
    void readsTopLevelOptionFilesAndPoolsWithoutConnlintYml() throws IOException {
        write("db/my.cnf", "[mysqld]\nmax_connections = 80\n!include extra.cnf\n");
        write("db/extra.cnf", "[mysqld]\nwait_timeout = 300\n");
        write("orders/src/main/resources/hikari.properties", "maximumPoolSize=20\n");
        write("target/hikari.properties", "maximumPoolSize=99\n");
        Deployment model = ProjectLoader.load(LintRequest.of(root)).model();
        assertTrue(model.discovered());
        DatabaseServer server = model.servers().get(0);
        assertEquals(List.of("db/my.cnf", "db/extra.cnf"), server.optionFiles(),
                "extra.cnf is included, so it is not read a second time as a top-level file");
        assertEquals(80L, server.maxConnections().effective());
        assertEquals(300L, server.waitTimeout().effective());
        assertEquals(1, model.pools().size(), "build output under target/ is skipped");
        ClientPool pool = model.pools().get(0);
        assertEquals("orders", pool.app());
        assertEquals("default", model.poolServer().get("orders"));
    }

    @Test
    void readsTheProductionModuleOfADjangoSettingsPackageWithItsGunicornConfig() throws IOException {
        write("db/my.cnf", "[mysqld]\nmax_connections = 80\n");
        write("mysite/settings/base.py", "DATABASES = {'default': {'ENGINE': 'django.db.backends.mysql', 'HOST': 'db'}}\n");
        write("mysite/settings/dev.py", "from .base import *\nDATABASES['default']['CONN_MAX_AGE'] = 0\n");
        write("mysite/settings/production.py", "from .base import *\nDATABASES['default']['CONN_MAX_AGE'] = 60\n");
        write("deploy/gunicorn.conf.py", "workers = 3\nthreads = 4\n");
        Deployment model = ProjectLoader.load(LintRequest.of(root)).model();
        assertEquals(1, model.pools().size(), model.pools().toString());
        ClientPool pool = model.pools().get(0);
        assertEquals("mysite", pool.id());
        assertEquals(60L, pool.longSetting(ClientPool.CONN_MAX_AGE).orElseThrow().effective());
        assertEquals(3L, pool.processes().effective());
        assertEquals(4L, pool.maximumPoolSize().effective());
        assertEquals("deploy/gunicorn.conf.py:2:11", pool.maximumPoolSize().location().orElseThrow().toString());
    }

    /** Every file of the real-world corpus goes through discovery without an exception escaping. */
    @Test
    void sweepsTheRealWorldCorpus() {
        Path corpus = Corpus.realworld("");
        Deployment model = ProjectLoader.load(LintRequest.of(corpus)).model();
        assertEquals(1, model.servers().size());
        assertEquals(List.of("hikari/hikaricp-test-duration-config.properties",
                        "hikari/hikaricp-test-propfile2-legacy-keys.properties"),
                model.pools().stream().map(p -> p.configFiles().get(0)).toList(),
                "discovery reads the files named hikari*.properties");
        assertTrue(model.servers().get(0).optionFiles().size() >= 15, model.servers().get(0).optionFiles().toString());
        assertTrue(model.servers().get(0).issues().stream().anyMatch(p -> p.at().path()
                .endsWith("vitess-mysql57-fragment-no-group.cnf") && p.at().line() > 1),
                model.servers().get(0).issues().toString());
    }

    private void write(String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
