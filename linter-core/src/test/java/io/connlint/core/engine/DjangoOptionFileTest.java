package io.connlint.core.engine;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.HostPort;
import io.connlint.core.model.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Django's MySQL OPTIONS read_default_file is a client option file: its [client] group gives what
 * DATABASES leaves out; OPTIONS, then NAME/USER/HOST/PORT, then the file (Django docs, MySQL notes).
 */
class DjangoOptionFileTest {

    @TempDir
    Path root;

    @Test
    void readsTheClientGroupOfTheOptionFile() throws IOException {
        write("conf/client.cnf", "[client]\nhost = db.internal\nport = 3307\nuser = from_file\ndatabase = shop\n"
                + "[mysqld]\nmax_connections = 1\n");
        write("mysite/settings.py", """
                DATABASES = {
                    "default": {
                        "ENGINE": "django.db.backends.mysql",
                        "USER": "from_settings",
                        "OPTIONS": {"read_default_file": "conf/client.cnf"},
                    }
                }
                """);
        write("connlint.yml", "servers:\n  main: { engine: mysql-8.0, hosts: [\"db.internal:3307\"] }\n  other: { engine: mysql-8.0 }\n"
                + "apps:\n  web: { config: [mysite/settings.py], instances: 1 }\n");
        var model = ProjectLoader.load(LintRequest.of(root)).model();
        ClientPool pool = model.pools().get(0);
        var target = pool.target().orElseThrow();
        assertEquals(new HostPort("db.internal", Optional.of(3307)), target.hosts().get(0));
        assertEquals(Optional.of("shop"), target.database());
        assertEquals(Optional.of("from_settings"), target.user().map(Setting::value), "USER beats the option file");
        assertEquals("main", model.poolServer().get("web"), "matched through the option file's host and port");
    }

    private void write(String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
