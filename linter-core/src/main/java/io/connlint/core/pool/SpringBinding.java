package io.connlint.core.pool;

import io.connlint.core.model.PoolKind;

import java.util.List;
import java.util.Objects;

/**
 * How Spring Boot binds a pool library.
 *
 * @param kind       the kind of the pools it binds
 * @param prefix     where the auto-configured pool's properties stand: {@code spring.datasource.hikari}
 * @param type       the {@code spring.datasource.type} that selects it: a class name, or a package
 *                   when it ends with a dot ({@code org.apache.tomcat.jdbc.pool.})
 * @param properties every property of the pool's class Spring Boot can bind (its setters), for the
 *                   keys it ignores silently
 * @param isDefault  true for the library Spring Boot picks when {@code spring.datasource.type} is not set
 */
public record SpringBinding(PoolKind kind, String prefix, String type, List<String> properties, boolean isDefault) {

    public SpringBinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(type, "type");
        properties = List.copyOf(properties);
    }

    /** True when {@code spring.datasource.type} (trimmed) selects this library. */
    public boolean binds(String typeName) {
        return type.endsWith(".") ? typeName.startsWith(type) : typeName.equals(type);
    }
}
