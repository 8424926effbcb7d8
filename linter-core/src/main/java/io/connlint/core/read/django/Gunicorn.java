package io.connlint.core.read.django;

import io.connlint.core.model.Note;
import io.connlint.core.model.Setting;
import io.connlint.core.read.python.PyValue;
import io.connlint.core.read.python.PyValue.PyInt;
import io.connlint.core.read.python.PyValue.PyStr;
import io.connlint.core.read.python.PyValue.PyUnknown;
import io.connlint.core.read.python.PythonModule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many processes and threads a gunicorn config file starts (gunicorn/config.py): {@code workers}
 * (default {@code $WEB_CONCURRENCY} or 1), {@code threads} (1; more than 1 turns {@code sync} into
 * {@code gthread}), and for gevent/eventlet workers {@code worker_connections} (1000) greenlets,
 * each of which may hold its own Django connection.
 *
 * @param workers            processes per instance
 * @param threadsPerWorker   connections one process may hold per alias
 * @param workerClass        the effective worker class
 * @param notes              assumptions made
 */
public record Gunicorn(Setting<Long> workers, Setting<Long> threadsPerWorker, String workerClass, List<Note> notes) {

    private static final String ENGINE = "gunicorn";

    public static Gunicorn read(PythonModule module, Map<String, String> env) {
        List<Note> notes = new ArrayList<>();
        Map<String, PyValue> ns = module.namespace();
        Setting<Long> workers = number(ns.get("workers"), "workers", webConcurrency(env), notes);
        Setting<Long> threads = number(ns.get("threads"), "threads", Setting.engineDefault("threads", 1L, ENGINE), notes);
        String workerClass = ns.get("worker_class") instanceof PyStr s ? s.value().trim() : "sync";
        if (workerClass.equals("sync") && threads.effective() > 1) {
            workerClass = "gthread";
        }
        String lower = workerClass.toLowerCase(Locale.ROOT);
        if (lower.contains("gevent") || lower.contains("eventlet")) {
            Setting<Long> connections = number(ns.get("worker_connections"), "worker_connections",
                    Setting.engineDefault("worker_connections", 1000L, ENGINE), notes);
            notes.add(new Note(connections.location().orElse(io.connlint.core.model.SourceLocation.startOf(module.path())),
                    "worker_class " + workerClass + " runs up to worker_connections = " + connections.effective()
                            + " greenlets per process, each of which may hold its own Django connection:"
                            + " assumed as the connections per process"));
            threads = Setting.assumed("worker_connections", connections.effective(), "each " + workerClass
                    + " greenlet may hold its own connection");
        } else if (!lower.equals("gthread")) {
            threads = Setting.derived("threads", 1L, "worker_class " + workerClass + " runs one thread per process");
        }
        return new Gunicorn(workers, threads, workerClass, notes);
    }

    private static Setting<Long> webConcurrency(Map<String, String> env) {
        String wc = env.get("WEB_CONCURRENCY");
        if (wc != null && wc.trim().matches("\\d{1,18}")) {
            return Setting.derived("workers", Long.parseLong(wc.trim()), "WEB_CONCURRENCY = " + wc.trim());
        }
        return Setting.engineDefault("workers", 1L, ENGINE);
    }

    private static Setting<Long> number(PyValue value, String name, Setting<Long> fallback, List<Note> notes) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof PyInt i && i.value() >= 0) {
            return Setting.written(name, i.value(), String.valueOf(i.value()), i.at());
        }
        String why = value instanceof PyUnknown u ? u.reason() : "it is not a whole number";
        notes.add(new Note(value.at(), "gunicorn " + name + " cannot be known statically (" + why + "): assumed "
                + fallback.effective() + "; declare processes: in connlint.yml to say how many run"));
        return Setting.assumed(name, fallback.effective(), "gunicorn " + name + " cannot be known statically");
    }
}
