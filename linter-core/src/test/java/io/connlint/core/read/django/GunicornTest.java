package io.connlint.core.read.django;

import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.python.PythonModule;
import io.connlint.core.read.python.PythonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GunicornTest {

    @TempDir
    Path dir;

    private Gunicorn read(String config, Map<String, String> env) throws IOException {
        Path file = Files.writeString(dir.resolve("gunicorn.conf.py"), config);
        PythonModule module = PythonReader.read(file, env, new ProjectPaths(dir, Map.of()));
        return Gunicorn.read(module, env);
    }

    @Test
    void workersComeFromTheConfigElseWebConcurrencyElseOne() throws IOException {
        assertEquals(4, read("workers = 4\n", Map.of("WEB_CONCURRENCY", "9")).workers().effective());
        assertEquals(9, read("bind = ':8000'\n", Map.of("WEB_CONCURRENCY", " 9 ")).workers().effective());
        assertEquals(1, read("bind = ':8000'\n", Map.of()).workers().effective());
    }

    @Test
    void aWebConcurrencyThatIsNoNumberOrBeyond64BitsIsTheDefault() throws IOException {
        assertEquals(1, read("", Map.of("WEB_CONCURRENCY", "four")).workers().effective());
        assertEquals(1, read("", Map.of("WEB_CONCURRENCY", "99999999999999999999")).workers().effective());
    }

    @Test
    void threadsCountOnlyForThreadedWorkers() throws IOException {
        Gunicorn g = read("threads = 8\n", Map.of());
        assertEquals("gthread", g.workerClass());
        assertEquals(8, g.threadsPerWorker().effective());
        assertEquals(1, read("threads = 8\nworker_class = 'uvicorn.workers.UvicornWorker'\n", Map.of())
                .threadsPerWorker().effective());
        assertEquals(1000, read("worker_class = 'gevent'\n", Map.of()).threadsPerWorker().effective());
    }
}
