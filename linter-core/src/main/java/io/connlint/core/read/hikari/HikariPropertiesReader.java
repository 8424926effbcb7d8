package io.connlint.core.read.hikari;

import io.connlint.core.model.RejectedValue;
import io.connlint.core.model.Setting;
import io.connlint.core.model.Target;
import io.connlint.core.read.JdbcUrl;
import io.connlint.core.read.PropertiesScanner;
import io.connlint.core.text.Similar;
import io.connlint.core.read.TextFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a HikariCP {@code .properties} file (what {@code new HikariConfig(path)} loads): HikariCP's
 * key names, {@code dataSource.*} passed through, numbers as HikariCP parses them, defaults where
 * unset, and the values {@code validate()} would run with.
 */
public final class HikariPropertiesReader {

    /**
     * What the file configures.
     *
     * @param settings   pool settings by HikariCP name, every numeric one present (defaults filled)
     * @param strings    string settings as written (jdbcUrl, username, poolName, …)
     * @param dataSource {@code dataSource.*} properties, prefix removed
     * @param target     where the pool connects, from {@code jdbcUrl} or {@code dataSource.url}
     * @param rejected   keys HikariCP does not have and values it refuses: the pool would not start
     */
    public record Result(Map<String, Setting<?>> settings, Map<String, Setting<String>> strings,
                         Map<String, Setting<String>> dataSource, Optional<Target> target,
                         List<RejectedValue> rejected) {
    }

    private HikariPropertiesReader() {
    }

    public static Result read(TextFile file) throws TextFile.Unreadable {
        return read(file, HikariVersion.LATEST);
    }

    /** Reads the file as HikariCP {@code version} loads it. */
    public static Result read(TextFile file, HikariVersion version) throws TextFile.Unreadable {
        Map<String, Setting<?>> settings = new LinkedHashMap<>();
        Map<String, Setting<String>> strings = new LinkedHashMap<>();
        Map<String, Setting<String>> dataSource = new LinkedHashMap<>();
        List<RejectedValue> rejected = new ArrayList<>();
        for (PropertiesScanner.Entry e : PropertiesScanner.scan(file)) {
            if (e.key().startsWith("dataSource.")) {
                String name = e.key().substring("dataSource.".length());
                dataSource.put(name, Setting.written(e.key(), e.value(), e.value(), e.at()));
                continue;
            }
            Optional<HikariProperties.Property> property = HikariProperties.byKey(e.key(), version);
            if (property.isEmpty()) {
                Optional<String> near = Similar.nearest(e.key(), HikariProperties.names(version));
                rejected.add(new RejectedValue(e.at(), e.key(), e.value(), "Property " + e.key()
                        + " does not exist on target class com.zaxxer.hikari.HikariConfig"
                        + Similar.hint(e.key(), HikariProperties.names(version)),
                        Optional.of(near.map(n -> "write " + n + "=" + e.value() + " (HikariCP's camelCase name)")
                                .orElse("remove " + e.key() + ", or pass a driver property as dataSource." + e.key()))));
                continue;
            }
            HikariProperties.Property p = property.get();
            switch (p.type()) {
                case INT, LONG_MILLIS -> {
                    Optional<Long> n = HikariNumbers.parse(e.value(), p.type(), version);
                    if (n.isPresent()) {
                        Optional<String> refused = refusedBySetter(p.name(), n.get());
                        if (refused.isPresent()) {
                            rejected.add(new RejectedValue(e.at(), e.key(), e.value(), refused.get(),
                                    Optional.of(accepted(p.name()))));
                            continue;
                        }
                        Setting<Long> written = Setting.written(p.name(), n.get(), e.value(), e.at());
                        if (p.name().equals("connectionTimeout") && n.get() == 0) {
                            written = written.runsWith((long) Integer.MAX_VALUE, Setting.Kind.SPECIAL_VALUE,
                                    "connectionTimeout 0 means wait forever: HikariCP uses 2147483647 ms");
                        }
                        settings.put(p.name(), written);
                    } else {
                        Optional<Long> duration = HikariNumbers.parse(e.value(), p.type(), HikariVersion.LATEST);
                        boolean spaces = !e.value().isBlank() && !e.value().strip().equals(e.value());
                        Optional<Long> stripped = HikariNumbers.parse(e.value().strip(), p.type(), version);
                        Optional<String> fix = duration.map(ms -> "write " + p.name() + "=" + ms + " (milliseconds)")
                                .or(() -> stripped.filter(x -> spaces).map(x -> "write " + p.name() + "=" + x
                                        + " without the spaces"))
                                .or(() -> Optional.of("write " + p.name() + " as " + (p.type() == HikariProperties.Type.INT
                                        ? "a whole number" : "a whole number of milliseconds")));
                        rejected.add(new RejectedValue(e.at(), e.key(), e.value(), "'" + e.value()
                                + "' is not a number " + version.engine() + " can parse"
                                + (duration.isPresent() ? " (durations such as 30s need HikariCP 6.3.0 or later)"
                                : spaces ? " (it keeps the surrounding spaces)" : ""), fix));
                    }
                }
                case BOOLEAN, STRING -> strings.put(p.name(), Setting.written(p.name(), e.value(), e.value(), e.at()));
            }
        }
        fillDefaults(settings, version);
        HikariValidation.apply(settings);
        Optional<Setting<String>> url = Optional.ofNullable(strings.get("jdbcUrl"))
                .or(() -> Optional.ofNullable(dataSource.get("url")));
        Optional<Setting<String>> user = Optional.ofNullable(strings.get("username"))
                .or(() -> Optional.ofNullable(dataSource.get("user")))
                .or(() -> Optional.ofNullable(dataSource.get("userName")));
        Optional<Target> target = url.flatMap(u -> JdbcUrl.parse(u, user));
        return new Result(settings, strings, dataSource, target, rejected);
    }

    /**
     * The checks HikariConfig's setters make, which throw and stop the pool from starting
     * (research/client-facts.md §1.3; HikariConfig 7.1.0).
     */
    public static Optional<String> refusedBySetter(String name, long value) {
        return switch (name) {
            case "connectionTimeout" -> value != 0 && value < 250
                    ? Optional.of("connectionTimeout cannot be less than 250ms") : Optional.empty();
            case "validationTimeout" -> value < 250
                    ? Optional.of("validationTimeout cannot be less than 250ms") : Optional.empty();
            case "idleTimeout" -> value < 0 ? Optional.of("idleTimeout cannot be negative") : Optional.empty();
            case "maximumPoolSize" -> value < 1 ? Optional.of("maxPoolSize cannot be less than 1") : Optional.empty();
            case "minimumIdle" -> value < 0 ? Optional.of("minimumIdle cannot be negative") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** What HikariCP's setter accepts for a property it refused (research/client-facts.md §1.3). */
    public static String accepted(String name) {
        return switch (name) {
            case "connectionTimeout" -> "write connectionTimeout=250 or more (HikariCP's floor; a few seconds such as"
                    + " 3000 fails fast), or 0 to wait without limit";
            case "validationTimeout" -> "write validationTimeout=250 or more (default 5000)";
            case "idleTimeout" -> "write idleTimeout=0 (never) or 10000 or more (default 600000)";
            case "maximumPoolSize" -> "write maximumPoolSize=1 or more (default 10)";
            case "minimumIdle" -> "write minimumIdle=0 or more, or remove it for a fixed-size pool";
            default -> "write a value HikariCP accepts";
        };
    }

    /** Fills the latest HikariCP's defaults for every numeric property that is not written. */
    public static void fillDefaults(Map<String, Setting<?>> settings) {
        fillDefaults(settings, HikariVersion.LATEST);
    }

    /** Fills HikariCP {@code version}'s defaults for every numeric property that is not written. */
    public static void fillDefaults(Map<String, Setting<?>> settings, HikariVersion version) {
        for (HikariProperties.Property p : HikariProperties.all()) {
            Optional<Long> d = p.defaultIn(version);
            if (d.isPresent()) {
                settings.putIfAbsent(p.name(), Setting.engineDefault(p.name(), d.get(), version.engine()));
            }
        }
        if (!settings.containsKey("minimumIdle")) {
            Setting<?> max = settings.get("maximumPoolSize");
            settings.put("minimumIdle", Setting.derived("minimumIdle", (Long) max.effective(),
                    "minimumIdle defaults to maximumPoolSize (HikariCP)"));
        }
    }
}
