package io.connlint.core.pool;

import io.connlint.core.model.PoolKind;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.Setting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What connlint knows of one connection-pool library: its keys and the concepts they stand for,
 * its defaults (per release, where they change), the values its setters refuse, what it rewrites
 * silently, and how frameworks bind it. One implementation per library, registered in
 * {@link PoolLibraries}.
 */
public interface PoolLibrary {

    /** The library as messages name it: {@code HikariCP}, {@code tomcat-jdbc}, {@code commons-dbcp2}. */
    String name();

    /** The kinds of pool it opens (one per framework that configures it). */
    List<PoolKind> kinds();

    /** The numeric keys connlint reads into the model, in the order it reads them. */
    List<PoolKey> keys();

    /** The key the library spells {@code name}. */
    default Optional<PoolKey> key(String name) {
        return keys().stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** How origins name the library's defaults: {@code HikariCP 7.1.0}, {@code tomcat-jdbc}. */
    default String engine(Optional<String> release) {
        return name();
    }

    /** The library's default for {@code key} in {@code release}, when it has one. */
    default Optional<Long> defaultValue(PoolKey key, Optional<String> release) {
        return key.defaultValue();
    }

    /** The library's own words when its setter refuses {@code value} for {@code key} (the pool does not start). */
    default Optional<String> refuses(PoolKey key, long value) {
        return Optional.empty();
    }

    /**
     * What the library runs with, by key name: what was written, its defaults where nothing was,
     * then its own rewrites (each rewritten setting keeps what was written and says why).
     */
    default Map<String, Setting<Long>> complete(Map<String, Setting<Long>> written, Optional<String> release) {
        Map<String, Setting<Long>> settings = new LinkedHashMap<>(written);
        for (PoolKey key : keys()) {
            if (!settings.containsKey(key.name())) {
                defaultValue(key, release).ifPresent(d -> settings.put(key.name(),
                        Setting.engineDefault(key.name(), d, engine(release))));
            }
        }
        return settings;
    }

    /** How Spring Boot binds the library, if it does. */
    default Optional<SpringBinding> spring() {
        return Optional.empty();
    }

    /** The model's values for {@code settings} (by key name), in the order of {@link #keys()}. */
    default List<PoolValue> values(Map<String, Setting<Long>> settings) {
        List<PoolValue> values = new ArrayList<>();
        for (PoolKey key : keys()) {
            Setting<Long> s = settings.get(key.name());
            if (s != null) {
                values.add(key.value(s));
            }
        }
        return values;
    }
}
