package io.connlint.core.read.hikari;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HikariCP release, and what of HikariCP's behaviour depends on it (research/client-facts.md
 * §1.1, read in the sources jars of 5.1.0, 6.2.0, 6.2.1 and 7.1.0):
 * <ul>
 *   <li>{@code keepaliveTime} defaults to 0 (off) up to 6.2.0 and to 120000 ms from 6.2.1
 *       ({@code DEFAULT_KEEPALIVE_TIME} in HikariConfig);</li>
 *   <li>a properties file may write durations ({@code 30s}, {@code 25m}) from 6.3.0 (PropertyElf
 *       {@code DURATION_PATTERN}); before, {@code Long.parseLong} refuses them;</li>
 *   <li>{@code credentialsProviderClassName} exists from 7.0.0.</li>
 * </ul>
 * The setter checks and {@code validateNumerics()} give the same values from 4.0.3 to 7.1.0 (the
 * {@code maxPoolSize < 1} clause dropped in 6.3.0 is unreachable through the setter, which throws).
 * connlint models HikariCP 4.0.0 (the first with {@code keepaliveTime}) and later.
 */
public record HikariVersion(int major, int minor, int patch) implements Comparable<HikariVersion> {

    /** The newest HikariCP on Maven Central when this was written (2026-11-23). */
    public static final HikariVersion LATEST = new HikariVersion(7, 1, 0);
    /** The oldest HikariCP connlint models: keepaliveTime appeared in 4.0.0. */
    public static final HikariVersion OLDEST = new HikariVersion(4, 0, 0);

    private static final HikariVersion KEEPALIVE_ON = new HikariVersion(6, 2, 1);
    private static final HikariVersion DURATIONS = new HikariVersion(6, 3, 0);
    private static final HikariVersion CREDENTIALS_PROVIDER = new HikariVersion(7, 0, 0);
    private static final Pattern VERSION = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,4}))?");

    /** {@code 6.2.0}, {@code 7.1} (patch 0); anything else (qualifiers, ranges) is empty. */
    public static Optional<HikariVersion> parse(String text) {
        Matcher m = VERSION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new HikariVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    }

    /**
     * The HikariCP that a Spring Boot release manages ({@code library("HikariCP", …)} in
     * spring-boot-dependencies' build.gradle at the tags v2.7.18, v3.0.13, v3.1.12, v3.2.12,
     * v3.3.13, v3.4.13, v3.5.16, v4.0.8, v4.1.1; research/client-facts.md §2.1). Empty for a
     * release line the table does not cover.
     */
    public static Optional<HikariVersion> bundledWithSpringBoot(String bootVersion) {
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[.-].*)?").matcher(bootVersion.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String line = m.group(1) + "." + m.group(2);
        return switch (line) {
            case "2.7" -> Optional.of(new HikariVersion(4, 0, 3));
            case "3.0", "3.1", "3.2" -> Optional.of(new HikariVersion(5, 0, 1));
            case "3.3", "3.4" -> Optional.of(new HikariVersion(5, 1, 0));
            case "3.5" -> Optional.of(new HikariVersion(6, 3, 3));
            case "4.0", "4.1" -> Optional.of(new HikariVersion(7, 0, 2));
            default -> Optional.empty();
        };
    }

    /** {@code keepaliveTime}'s default: 0 (off) up to 6.2.0, 120000 ms (2 min) from 6.2.1. */
    public long keepaliveDefault() {
        return compareTo(KEEPALIVE_ON) >= 0 ? 120_000L : 0L;
    }

    /** True when a properties file may write {@code 30s}, {@code 25m}, … (6.3.0 and later). */
    public boolean acceptsDurations() {
        return compareTo(DURATIONS) >= 0;
    }

    /** True when HikariConfig has the property (for the few added after 4.0.0). */
    public boolean hasProperty(String name) {
        return !name.equals("credentialsProviderClassName") || compareTo(CREDENTIALS_PROVIDER) >= 0;
    }

    /** True when connlint knows this release's behaviour (4.0.0 up to {@link #LATEST}). */
    public boolean isModelled() {
        return compareTo(OLDEST) >= 0 && compareTo(LATEST) <= 0;
    }

    /** {@code HikariCP 6.2.0}, as origins and messages name the engine. */
    public String engine() {
        return "HikariCP " + this;
    }

    @Override
    public int compareTo(HikariVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
