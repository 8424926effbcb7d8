package io.connlint.core.fuzz;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.read.django.Gunicorn;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.python.PythonModule;
import io.connlint.core.read.python.PythonReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** gunicorn.conf.py: PythonReader and Gunicorn's workers, threads and worker class. */
class GunicornFuzzTest extends PythonFuzz {

    @Override
    String reader() {
        return "gunicorn";
    }

    @Override
    List<String> builtInSeeds() {
        return List.of("""
                import multiprocessing
                import os

                bind = "0.0.0.0:8000"
                workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
                threads = 4
                worker_class = "gthread"
                timeout = 30
                """, """
                workers = 3 if DEBUG else 9
                threads = int(os.getenv("THREADS", "2"))
                worker_class = 'gevent'
                worker_connections = 1000
                """);
    }

    @Override
    List<String> dictionary() {
        return Yamls.concat(Pythons.DICTIONARY, List.of("workers", "threads", "worker_class", "'sync'", "'gthread'",
                "'gevent'", "'uvicorn.workers.UvicornWorker'", "multiprocessing.cpu_count()", "WEB_CONCURRENCY"));
    }

    @Override
    String hostile(int variant, int size) {
        return Pythons.hostile(variant, size).replace("DATABASES", "workers");
    }

    @Override
    List<ReadProblem> read(Path dir, Seed seed, byte[] input) throws Exception {
        Path file = write(dir, "gunicorn.conf.py", input);
        PythonModule module = PythonReader.read(file, Map.of("WEB_CONCURRENCY", "3"), new ProjectPaths(dir, Map.of()));
        Gunicorn.read(module, input.length % 2 == 0 ? Map.of() : Map.of("WEB_CONCURRENCY", "x"));
        return module.problems();
    }
}
