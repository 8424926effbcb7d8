package io.connlint.core.server;

import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.OptionFileIssue.Reason;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.VariableKind;
import io.connlint.core.read.mycnf.OptionEntry;
import io.connlint.core.read.mycnf.OptionValues;
import io.connlint.core.read.server.ServerOptions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The option lines the server refuses (CL504), one by one: a later line that sets the same
 * variable does not help, since my_getopt stops at the first bad argument. What counts as refused
 * is what {@code mariadbd --help --verbose} of 10.11.19 refuses (a non-zero exit or an
 * {@code [ERROR]} line; MariadbdRefusalTest):
 * <ul>
 * <li>a number the option parser cannot read: {@code 1.5G} and {@code 1 G} ("Unknown suffix '.'",
 *     "Unknown suffix ' '"), {@code 500 ; x}, {@code abc}, {@code 0x10}; on MariaDB also a negative
 *     number for an unsigned variable ("Incorrect unsigned value") and more digits than 64 bits
 *     hold ("Integer value out of range for uint64"); on MySQL an empty value (research §1.7);</li>
 * <li>a numeric or text option with no value at all ({@code max_connections} alone: "option
 *     '--max_connections' requires an argument");</li>
 * <li>{@code maximum-} before a variable that has no session value ("Maximum value of
 *     'max_connections' cannot be set");</li>
 * <li>on engines whose option list connlint has ({@link ServerOptions}): an option the server does
 *     not know, without {@code loose-} ("unknown variable 'time_zone=UTC'", "unknown option
 *     '--skip-foo'").</li>
 * </ul>
 * With {@code loose-}, a bad value is still reported by MariaDB as an error (the server goes on
 * with the default); an unknown name is only a warning.
 *
 * <p>Each refusal is a fact ({@link OptionFileIssue.OptionRefused}: the line, the engine, what
 * my_getopt says); CL504 words it.
 */
public final class Refusals {

    /**
     * Variables MariaDB 10.11 refuses a {@code maximum-} for (measured: they have no session
     * value); MySQL refuses it for global variables in the same way (research §1.6).
     */
    private static final Set<String> NO_MAXIMUM = Set.of("max_connections", "connect_timeout", "thread_cache_size",
            "back_log", "table_open_cache", "table_open_cache_instances", "open_files_limit", "extra_max_connections",
            "binlog_cache_size", "thread_stack", "key_buffer_size", "query_cache_size");

    /** What C strtod reads whole (getopt_double refuses anything left over). */
    private static final Pattern DECIMAL = Pattern.compile(
            "\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|\\s*[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    /**
     * Options of MariaDB plugins that are not built in: the server knows them only once the plugin
     * is loaded ({@code plugin_load_add}, or {@code INSTALL SONAME} recorded in mysql.plugin, which
     * a repository does not show), so connlint does not call them unknown.
     */
    private static final List<String> PLUGIN_PREFIXES = List.of("server_audit", "rocksdb", "connect_", "spider",
            "s3_", "file_key_management", "aws_key_management", "hashicorp_key_management", "query_response_time",
            "simple_password_check", "cracklib_password_check", "password_reuse_check", "sql_error_log",
            "handlersocket", "oqgraph", "mroonga", "tokudb", "columnstore", "auth_", "gssapi", "pam_", "ed25519",
            "disks", "metadata_lock_info", "locales", "qc_info", "user_variables", "debug_key_management",
            "example_key_management", "provider_", "blackhole", "federated", "archive", "sphinx", "type_");

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private Refusals() {
    }

    /** The refused lines among {@code entries} (the options in the groups the server reads, in order). */
    public static List<OptionFileIssue> refusals(List<OptionEntry> entries, ServerEngine engine) {
        return refusals(entries, engine, true);
    }

    /**
     * @param engineDeclared false when the engine is only guessed (discovery without connlint.yml):
     *                       then names are not checked against an option list, since the files
     *                       may be meant for another version
     */
    public static List<OptionFileIssue> refusals(List<OptionEntry> entries, ServerEngine engine,
                                                 boolean engineDeclared) {
        Optional<ServerOptions> options = engineDeclared ? ServerOptions.of(engine) : Optional.empty();
        List<OptionFileIssue> issues = new ArrayList<>();
        for (OptionEntry entry : entries) {
            check(entry, engine, options).ifPresent(issues::add);
        }
        return issues;
    }

    private static Optional<OptionFileIssue> check(OptionEntry entry, ServerEngine engine,
                                                   Optional<ServerOptions> options) {
        String written = entry.name();
        String name = written.replace('-', '_');
        if (engine.isMariaDb()) {
            name = name.toLowerCase(Locale.ROOT);
        }
        boolean loose = name.startsWith("loose_");
        if (loose) {
            name = name.substring("loose_".length());
        }
        String prefix = "";
        String target = name;
        if (options.isPresent() && options.get().find(name).isEmpty()) {
            for (String p : List.of("skip_", "disable_", "enable_", "maximum_")) {
                if (name.startsWith(p) && !options.get().find(name.substring(p.length())).isEmpty()) {
                    prefix = p;
                    target = name.substring(p.length());
                    break;
                }
            }
            String unknown = name;
            if (prefix.isEmpty() && PLUGIN_PREFIXES.stream().anyMatch(unknown::startsWith)) {
                return Optional.empty(); // a plugin's option: known once the plugin is loaded
            }
            if (prefix.isEmpty()) {
                if (loose) {
                    return Optional.empty(); // "[Warning] unknown variable 'loose-…'"
                }
                return refused(entry, engine, Reason.UNKNOWN_OPTION, written);
            }
        } else if (options.isEmpty()) {
            for (String p : List.of("maximum_")) {
                if (name.startsWith(p)) {
                    prefix = p;
                    target = name.substring(p.length());
                }
            }
        }
        String wanted = target;
        List<ServerOptions.Option> found = options.map(o -> o.find(wanted)).orElse(List.of());
        String variable = found.size() == 1 ? found.get(0).name().replace('-', '_') : target;
        Optional<ServerVariable> known = ServerVariable.byName(variable).filter(v -> v.existsOn(engine));
        if (prefix.equals("maximum_")) {
            if (NO_MAXIMUM.contains(variable) && known.isPresent() && !loose) {
                return refused(entry, engine, Reason.MAXIMUM_NOT_SETTABLE, variable);
            }
            return Optional.empty();
        }
        if (!prefix.isEmpty()) {
            return Optional.empty(); // skip-/disable-/enable- set 0 or 1 and ignore a value (measured)
        }
        boolean numericCatalogue = known.isPresent() && known.get().kind() != VariableKind.TEXT
                && known.get().kind() != VariableKind.BOOLEAN;
        Optional<ServerOptions.Argument> argument = found.size() == 1
                ? Optional.of(found.get(0).argument()) : Optional.empty();
        if (entry.value().isEmpty()) {
            if (numericCatalogue || argument.map(ServerOptions.Argument::required).orElse(false)) {
                return refused(entry, engine, Reason.ARGUMENT_REQUIRED, target);
            }
            return Optional.empty();
        }
        String value = entry.value().get();
        if (numericCatalogue) {
            return numberRefused(value, known.get().minFor(engine) < 0, engine)
                    .flatMap(why -> refused(entry, engine, why.reason(), variable, why.suffix()));
        }
        if (argument.map(ServerOptions.Argument::numeric).orElse(false)
                && numberRefused(value, false, engine).isPresent() && !DECIMAL.matcher(value).matches()) {
            return refused(entry, engine, Reason.NOT_A_NUMBER, variable);
        }
        return Optional.empty();
    }

    /** Why my_getopt refuses a number, and the character it took for a suffix. */
    record NumberRefusal(Reason reason, Optional<Character> suffix) {
        NumberRefusal(Reason reason) {
            this(reason, Optional.empty());
        }
    }

    /** Why my_getopt refuses {@code text} for a numeric variable; empty when it accepts it. */
    static Optional<NumberRefusal> numberRefused(String text, boolean signed, ServerEngine engine) {
        String number = signed && engine.isMariaDb() && text.startsWith("-") ? text.substring(1) : text;
        if (OptionValues.parseNumber(number, engine).isPresent()) {
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return Optional.of(new NumberRefusal(Reason.EMPTY_VALUE));
        }
        if (engine.isMariaDb() && text.startsWith("-")) {
            return Optional.of(new NumberRefusal(Reason.NEGATIVE_UNSIGNED));
        }
        int i = 0;
        while (i < number.length() && Character.isWhitespace(number.charAt(i))) {
            i++;
        }
        if (i < number.length() && (number.charAt(i) == '+' || number.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < number.length() && Character.isDigit(number.charAt(i))) {
            i++;
        }
        if (i > digits && new BigInteger(number.substring(digits, i)).compareTo(TWO_TO_64) >= 0) {
            return Optional.of(new NumberRefusal(Reason.OUT_OF_RANGE));
        }
        if (i == digits) {
            i = 0; // nothing converted: the suffix is the first character of the text
        }
        if (i < number.length()) {
            char c = number.charAt(i);
            boolean letter = "KMGTPEkmgtpe".indexOf(c) >= 0;
            if (!letter) {
                return Optional.of(new NumberRefusal(Reason.UNKNOWN_SUFFIX, Optional.of(c)));
            }
            if (!engine.isMariaDb() && engine.major() < 8) {
                return Optional.of(new NumberRefusal(Reason.SUFFIX_UNKNOWN_TO_ENGINE, Optional.of(c)));
            }
        }
        return Optional.of(new NumberRefusal(Reason.INCORRECT_INTEGER));
    }

    private static Optional<OptionFileIssue> refused(OptionEntry entry, ServerEngine engine, Reason reason,
                                                     String variable) {
        return refused(entry, engine, reason, variable, Optional.empty());
    }

    private static Optional<OptionFileIssue> refused(OptionEntry entry, ServerEngine engine, Reason reason,
                                                     String variable, Optional<Character> suffix) {
        String shown = entry.value().map(v -> entry.name() + " = " + entry.raw()).orElse(entry.name());
        boolean loose = entry.name().replace('-', '_').toLowerCase(Locale.ROOT).startsWith("loose_");
        return Optional.of(OptionFileIssue.refused(entry.at(), shown, new OptionFileIssue.OptionRefused(entry.name(),
                entry.value(), entry.raw(), engine, loose, reason, variable, suffix)));
    }
}
