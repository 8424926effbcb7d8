package io.connlint.core.server;

import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.Setting;
import io.connlint.core.read.mycnf.OptionValues;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The start-up adjustments of the server: the open-files algorithm (research/mysql-facts.md §4)
 * and the autosized variables (§3.1), in the server's order.
 *
 * <p>MariaDB 10.11, as measured with {@code mariadbd --help --verbose} under {@code ulimit -n N}
 * (soft = hard) and checked by MariadbdDifferentialTest:
 * <ol>
 * <li>{@code thread_cache_size} (default 256, or as set) is lowered to {@code max_connections}
 *     as configured, before the open-files cut: with max_connections 2000 cut to 594,
 *     thread_cache_size 1000 stays 1000.</li>
 * <li>wanted = 30 + max_connections + extra_max_connections + 2 × table_open_cache ×
 *     table_open_cache_instances + thread_pool_size (added with one-thread-per-connection and not
 *     with pool-of-threads: measured); request = max(wanted, 5 × (max_connections +
 *     extra_max_connections), open_files_limit); files = request when the limit allows it, else
 *     the limit (my_set_max_open_files returns the request, not the soft limit, unlike MySQL).</li>
 * <li>instances = min(max((files − 30 − max_connections) / 2 / table_open_cache, 1), instances),
 *     then max_connections = max(min(files − 30 − 2 × min(table_open_cache, 200) × instances,
 *     max_connections), 10) with 32-bit unsigned arithmetic, then table_open_cache =
 *     min(max((files − 30 − max_connections) / 2 / instances, min(table_open_cache, 200)),
 *     table_open_cache) with 64-bit unsigned arithmetic. When max_connections exceeds
 *     files − 30 the subtractions wrap, so instances, max_connections and table_open_cache all
 *     stay: 2000 connections at 1024 files are not cut.</li>
 * <li>back_log (0 = autosize) = min(900, 50 + max_connections / 5) with the cut max_connections.</li>
 * </ol>
 * MySQL follows §4.1 of the research (sql/mysqld.cc adjust_open_files_limit,
 * adjust_max_connections, adjust_table_cache_size) and autosizes thread_cache_size and back_log
 * afterwards (init_common_variables) with the cut max_connections.
 */
final class Autosize {

    private static final long U32 = 0xFFFF_FFFFL;

    private Autosize() {
    }

    /** No limit: systemd's {@code LimitNOFILE=infinity}. */
    static final long INFINITY = Long.MAX_VALUE;

    static void apply(Map<String, Setting<?>> vars, ServerEngine engine, Optional<Setting<Long>> openFilesLimit) {
        apply(vars, engine, openFilesLimit, openFilesLimit.map(Setting::effective).orElse(0L));
    }

    /**
     * @param openFilesLimit the soft limit ({@link #INFINITY}: none)
     * @param hard           the hard limit (at least the soft one); mysqld, not root under systemd,
     *                       can raise its soft limit up to it (mysys my_set_max_open_files)
     */
    static void apply(Map<String, Setting<?>> vars, ServerEngine engine, Optional<Setting<Long>> openFilesLimit,
                      long hard) {
        long h = openFilesLimit.map(l -> Math.max(l.effective(), hard)).orElse(hard);
        if (engine.isMariaDb()) {
            mariadb(vars, engine, openFilesLimit, h);
        } else {
            mysql(vars, engine, openFilesLimit, h);
        }
    }

    private static String limitText(long soft, long hard) {
        String s = soft == INFINITY ? "infinity" : String.valueOf(soft);
        return hard == soft ? s : s + " (hard " + (hard == INFINITY ? "infinity" : String.valueOf(hard)) + ")";
    }

    private static void mariadb(Map<String, Setting<?>> vars, ServerEngine engine, Optional<Setting<Long>> limit,
                                long hard) {
        long mc = eff(vars, ServerVariable.MAX_CONNECTIONS, engine);
        Setting<Long> tcs = setting(vars, ServerVariable.THREAD_CACHE_SIZE, engine);
        if (tcs.effective() > mc) {
            if (tcs.isWritten()) {
                put(vars, rewrite(tcs, mc, Setting.Kind.OTHER, "thread_cache_size is lowered to max_connections (" + mc + ")"));
            } else {
                put(vars, Setting.derived("thread_cache_size", mc,
                        "min(" + tcs.effective() + " (default), max_connections " + mc + ")"));
            }
        }
        Setting<Long> ofl = setting(vars, ServerVariable.OPEN_FILES_LIMIT, engine);
        if (limit.isPresent()) {
            long l = limit.get().effective();
            long extra = eff(vars, ServerVariable.EXTRA_MAX_CONNECTIONS, engine);
            long toc = eff(vars, ServerVariable.TABLE_OPEN_CACHE, engine);
            long inst = eff(vars, ServerVariable.TABLE_OPEN_CACHE_INSTANCES, engine);
            boolean pool = vars.get("thread_handling") != null && String.valueOf(vars.get("thread_handling").value())
                    .toLowerCase(Locale.ROOT).equals("pool-of-threads");
            long tps = pool ? 0 : threadPoolSize(vars, engine);
            long wanted = (30 + mc + extra + toc * 2 * inst + tps) & U32;
            long request = Math.max(Math.max(wanted, ((mc + extra) * 5) & U32), ofl.effective()) & U32;
            // my_set_max_open_files: the request when the soft limit covers it or setrlimit may
            // raise the soft limit to it (at most the hard limit), else the soft limit
            long files = request <= hard ? request : l;
            String fileWhy = files < request
                    ? "Could not increase number of max_open_files to more than " + files + " (request: " + request + ")"
                    : "";
            String formula = "min(open-files limit " + limitText(l, hard) + ", max(30 + max_connections + extra_max_connections"
                    + " + 2 × table_open_cache × table_open_cache_instances"
                    + (pool ? "" : " + thread_pool_size" + (hasThreadPoolSize(vars) ? "" : " (the server's CPU count;"
                    + " not known here, counted as 0)"))
                    + " = " + wanted + ", 5 × (max_connections + extra_max_connections) = " + ((mc + extra) * 5)
                    + ", open_files_limit " + ofl.effective() + "))";
            if (ofl.isWritten()) {
                put(vars, rewrite(ofl, files, fileWhy.isEmpty() ? "the server requests " + formula : fileWhy));
            } else {
                put(vars, Setting.derived("open_files_limit", files, formula
                        + (fileWhy.isEmpty() ? "" : "; the server logs: " + fileWhy)));
            }
            long newInst = minU(maxU(Long.divideUnsigned(Long.divideUnsigned(((files - 30) & U32) - mc, 2), toc), 1),
                    inst);
            long minTc = Math.min(toc, 200);
            long newMc = Math.max(minU((files - 30 - minTc * 2 * newInst) & U32, mc), 10);
            long newToc = minU(maxU(Long.divideUnsigned(Long.divideUnsigned(((files - 30) & U32) - newMc, 2), newInst),
                    minTc), toc);
            if (newInst != inst) {
                put(vars, rewrite(setting(vars, ServerVariable.TABLE_OPEN_CACHE_INSTANCES, engine), newInst,
                        "table_open_cache_instances is lowered to fit " + files + " open files: min(max((" + files
                                + " − 30 − max_connections " + mc + ") / 2 / table_open_cache " + toc + ", 1), "
                                + inst + ")"));
            }
            if (newMc < mc || newToc < toc) {
                String line = "Changed limits: max_open_files: " + files + "  max_connections: " + newMc + " (was "
                        + mc + ")  table_cache: " + newToc + " (was " + toc + ")";
                if (newMc != mc) {
                    put(vars, rewrite(setting(vars, ServerVariable.MAX_CONNECTIONS, engine), newMc, line));
                }
                if (newToc != toc) {
                    put(vars, rewrite(setting(vars, ServerVariable.TABLE_OPEN_CACHE, engine), newToc, line));
                }
            }
            mc = newMc;
        } else {
            put(vars, ofl);
        }
        backLog(vars, engine, mc, Math.min(900, 50 + mc / 5), "min(900, 50 + max_connections " + mc + " / 5)");
    }

    private static void mysql(Map<String, Setting<?>> vars, ServerEngine engine, Optional<Setting<Long>> limit,
                              long hard) {
        long mc = eff(vars, ServerVariable.MAX_CONNECTIONS, engine);
        Setting<Long> ofl = setting(vars, ServerVariable.OPEN_FILES_LIMIT, engine);
        if (limit.isPresent()) {
            // adjust_open_files_limit, adjust_max_connections, adjust_table_cache_size (research §4.1)
            long l = limit.get().effective();
            long toc = eff(vars, ServerVariable.TABLE_OPEN_CACHE, engine);
            long limit1 = 10 + mc + toc * 2;
            long limit2 = mc * 5;
            long limit3 = ofl.effective() != 0 ? ofl.effective() : 5000;
            long request = Math.max(limit1, Math.max(limit2, limit3));
            // soft = hard = l: my_set_max_open_files returns the soft limit when it is at least the
            // request, and the old soft limit when setrlimit above the hard limit fails
            long effective = l >= request ? (l == INFINITY ? request : l) : request <= hard ? request : l;
            long requested = Math.min(effective, request);
            String formula = "max(10 + max_connections + 2 × table_open_cache = " + limit1
                    + ", 5 × max_connections = " + limit2 + ", " + (ofl.effective() != 0 ? "open_files_limit" : "5000")
                    + " = " + limit3 + ") = " + request + " requested under the open-files limit " + limitText(l, hard);
            String fileWhy = effective >= request ? "" : ofl.effective() == 0
                    ? "Changed limits: max_open_files: " + effective + " (requested " + request + ")"
                    : "Could not increase number of max_open_files to more than " + effective + " (request: "
                    + request + ")";
            if (ofl.isWritten()) {
                put(vars, rewrite(ofl, effective, fileWhy.isEmpty() ? formula : fileWhy));
            } else {
                put(vars, Setting.derived("open_files_limit", effective,
                        formula + (fileWhy.isEmpty() ? "" : "; the server logs: " + fileWhy)));
            }
            long mcLimit = requested - 10 - 400 * 2; // unsigned: wraps when requested < 810
            if (Long.compareUnsigned(mcLimit, mc) < 0) {
                put(vars, rewrite(setting(vars, ServerVariable.MAX_CONNECTIONS, engine), mcLimit,
                        "Changed limits: max_connections: " + mcLimit + " (requested " + mc + ")"));
                mc = mcLimit;
            }
            long tocLimit = maxU(Long.divideUnsigned(requested - 10 - mc, 2), 400);
            if (Long.compareUnsigned(tocLimit, toc) < 0) {
                put(vars, rewrite(setting(vars, ServerVariable.TABLE_OPEN_CACHE, engine), tocLimit,
                        "Changed limits: table_open_cache: " + tocLimit + " (requested " + toc + ")"));
            }
        } else {
            put(vars, ofl);
        }
        // init_common_variables, after the cut (research §3.1)
        Setting<Long> tcs = setting(vars, ServerVariable.THREAD_CACHE_SIZE, engine);
        if (!tcs.isWritten() || tcs.effective() < 0) {
            put(vars, Setting.derived("thread_cache_size", Math.min(100, 8 + mc / 100),
                    "min(100, 8 + max_connections " + mc + " / 100)"));
        }
        if (engine.major() >= 8) {
            backLog(vars, engine, mc, Math.min(mc, 65_535), "max_connections " + mc + " (at most 65535)");
        } else {
            backLog(vars, engine, mc, Math.min(900, 50 + mc / 5), "min(900, 50 + max_connections " + mc + " / 5)");
        }
    }

    private static void backLog(Map<String, Setting<?>> vars, ServerEngine engine, long mc, long auto, String formula) {
        Setting<Long> backLog = setting(vars, ServerVariable.BACK_LOG, engine);
        if (!backLog.isWritten()) {
            put(vars, Setting.derived("back_log", auto, formula));
        } else if (backLog.effective() == 0) {
            put(vars, rewrite(backLog, auto, Setting.Kind.AUTOSIZED, "back_log 0 is autosized: " + formula));
        }
    }

    private static long threadPoolSize(Map<String, Setting<?>> vars, ServerEngine engine) {
        Setting<?> s = vars.get("thread_pool_size");
        if (s == null) {
            return 0;
        }
        // MariaDB thread_pool_size: 1..100000; 0 autosizes to the CPU count (not known here)
        return OptionValues.parseNumber(String.valueOf(s.value()), engine)
                .map(n -> n == 0 ? 0 : Math.min(Math.max(n, 1), 100_000)).orElse(0L);
    }

    private static boolean hasThreadPoolSize(Map<String, Setting<?>> vars) {
        return vars.containsKey("thread_pool_size");
    }

    /** The variable's numeric setting; the engine default when unset or not a number. */
    @SuppressWarnings("unchecked")
    private static Setting<Long> setting(Map<String, Setting<?>> vars, ServerVariable v, ServerEngine engine) {
        Setting<?> s = vars.get(v.name());
        if (s != null && s.effective() instanceof Long) {
            return (Setting<Long>) s;
        }
        return v.defaultSetting(engine);
    }

    private static long eff(Map<String, Setting<?>> vars, ServerVariable v, ServerEngine engine) {
        return setting(vars, v, engine).effective();
    }

    private static void put(Map<String, Setting<?>> vars, Setting<Long> setting) {
        Setting<?> old = vars.get(setting.name());
        if (old != null && !(old.value() instanceof Long) && !setting.isWritten()) {
            // keep the refused text in the model; the budget uses the default (DatabaseServer.variable)
            return;
        }
        vars.put(setting.name(), setting);
    }

    /** {@code s} running with {@code effective}, the reasons chained. */
    static Setting<Long> rewrite(Setting<Long> s, long effective, String why) {
        return rewrite(s, effective, Setting.Kind.OPEN_FILES_CUT, why);
    }

    /** {@code s} running with {@code effective}, after an adjustment of {@code kind}. */
    static Setting<Long> rewrite(Setting<Long> s, long effective, Setting.Kind kind, String why) {
        return s.then(effective, kind, why);
    }

    private static long minU(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    private static long maxU(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }
}
