package io.connlint.core.pool;

import io.connlint.core.model.PoolValue;
import io.connlint.core.model.RejectedValue;
import io.connlint.core.model.Setting;
import io.connlint.core.model.Target;
import io.connlint.core.read.JdbcUrl;
import io.connlint.core.read.PropertiesScanner;
import io.connlint.core.text.Similar;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.hikari.HikariVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A HikariCP {@code .properties} file as {@code new HikariConfig(path)} loads it: HikariCP's key
 * names, {@code dataSource.*} passed through, numbers as HikariCP parses them, defaults where
 * unset, and the values {@code validate()} would run with.
 */
public final class HikariPropertiesFile {

    private static final String DATA_SOURCE = "dataSource.";

    /**
     * What the file configures.
     *
     * @param settings   pool settings by HikariCP name, every numeric one present (defaults filled)
     * @param strings    string settings as written (jdbcUrl, username, poolName, …)
     * @param dataSource {@code dataSource.*} properties, prefix removed
     * @param target     where the pool connects, from {@code jdbcUrl} or {@code dataSource.url}
     * @param rejected   keys HikariCP does not have and values it refuses: the pool would not start
     */
    public record Result(Map<String, Setting<Long>> settings, Map<String, Setting<String>> strings,
                         Map<String, Setting<String>> dataSource, Optional<Target> target,
                         List<RejectedValue> rejected) {

        /** The model's values. */
        public List<PoolValue> values() {
            return HikariCp.INSTANCE.values(settings);
        }
    }

    private HikariPropertiesFile() {
    }

    public static Result read(TextFile file) throws TextFile.Unreadable {
        return read(file, HikariVersion.LATEST);
    }

    /** Reads the file as HikariCP {@code version} loads it. */
    public static Result read(TextFile file, HikariVersion version) throws TextFile.Unreadable {
        HikariCp hikari = HikariCp.INSTANCE;
        Map<String, Setting<Long>> settings = new LinkedHashMap<>();
        Map<String, Setting<String>> strings = new LinkedHashMap<>();
        Map<String, Setting<String>> dataSource = new LinkedHashMap<>();
        List<RejectedValue> rejected = new ArrayList<>();
        for (PropertiesScanner.Entry e : PropertiesScanner.scan(file)) {
            if (e.key().startsWith(DATA_SOURCE)) {
                String name = e.key().substring(DATA_SOURCE.length());
                dataSource.put(name, Setting.written(e.key(), e.value(), e.value(), e.at()));
                continue;
            }
            Optional<HikariProperties.Property> property = HikariProperties.byKey(e.key(), version);
            if (property.isEmpty()) {
                rejected.add(new RejectedValue(e.at(), e.key(), e.value(), "Property " + e.key()
                        + " does not exist on target class com.zaxxer.hikari.HikariConfig",
                        new RejectedValue.UnknownKey(hikari.name(), HikariProperties.names(version),
                                Similar.nearest(e.key(), HikariProperties.names(version)), Optional.of(DATA_SOURCE))));
                continue;
            }
            HikariProperties.Property p = property.get();
            switch (p.type()) {
                case INT, LONG_MILLIS -> {
                    Optional<RejectedValue> refused = refusal(e, p, version);
                    if (refused.isPresent()) {
                        rejected.add(refused.get());
                    } else {
                        long n = HikariNumbers.parse(e.value(), p.type(), version).orElseThrow();
                        settings.put(p.name(), Setting.written(p.name(), n, e.value(), e.at()));
                    }
                }
                case BOOLEAN, STRING -> strings.put(p.name(), Setting.written(p.name(), e.value(), e.value(), e.at()));
            }
        }
        Map<String, Setting<Long>> run = hikari.complete(settings, Optional.of(version.toString()));
        Optional<Setting<String>> url = Optional.ofNullable(strings.get("jdbcUrl"))
                .or(() -> Optional.ofNullable(dataSource.get("url")));
        Optional<Setting<String>> user = Optional.ofNullable(strings.get("username"))
                .or(() -> Optional.ofNullable(dataSource.get("user")))
                .or(() -> Optional.ofNullable(dataSource.get("userName")));
        Optional<Target> target = url.flatMap(u -> JdbcUrl.parse(u, user));
        return new Result(run, strings, dataSource, target, rejected);
    }

    /** Why HikariCP refuses the entry's number, if it does: it cannot parse it, or the setter throws. */
    private static Optional<RejectedValue> refusal(PropertiesScanner.Entry e, HikariProperties.Property p,
                                                   HikariVersion version) {
        HikariCp hikari = HikariCp.INSTANCE;
        Optional<Long> n = HikariNumbers.parse(e.value(), p.type(), version);
        if (n.isPresent()) {
            return hikari.key(p.name()).flatMap(k -> hikari.refuses(k, n.get())).map(why -> new RejectedValue(e.at(),
                    e.key(), e.value(), why, new RejectedValue.OutOfRange(hikari.name(), p.name(), p.name(), "=")));
        }
        Optional<Long> duration = HikariNumbers.parse(e.value(), p.type(), HikariVersion.LATEST);
        boolean spaces = !e.value().isBlank() && !e.value().strip().equals(e.value());
        Optional<Long> stripped = HikariNumbers.parse(e.value().strip(), p.type(), version).filter(x -> spaces);
        return Optional.of(new RejectedValue(e.at(), e.key(), e.value(), "'" + e.value() + "' is not a number "
                + version.engine() + " can parse" + (duration.isPresent()
                ? " (durations such as 30s need HikariCP 6.3.0 or later)" : spaces ? " (it keeps the surrounding spaces)" : ""),
                new RejectedValue.NotANumber(hikari.name(), p.name(), p.type() == HikariProperties.Type.INT, duration,
                        stripped, "=")));
    }
}
