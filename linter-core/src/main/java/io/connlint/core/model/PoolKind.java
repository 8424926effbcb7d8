package io.connlint.core.model;

import java.util.Objects;

/**
 * The pool library, and the framework it is configured through, that opens a pool's connections.
 * A library's descriptor ({@code io.connlint.core.pool}) declares its kinds; the ones below are
 * connlint's built-in ones.
 *
 * @param id        as reports print it: {@code hikari}, {@code spring-hikari}, …
 * @param library   the library as messages name it: {@code HikariCP}, {@code tomcat-jdbc}, …
 * @param perThread true when each thread keeps a connection of its own instead of sharing a pool
 *                  (Django)
 */
public record PoolKind(String id, String library, boolean perThread) {

    /** HikariCP configured by its own properties file. */
    public static final PoolKind HIKARI = new PoolKind("hikari", "HikariCP", false);
    /** HikariCP bound by Spring Boot. */
    public static final PoolKind SPRING_HIKARI = new PoolKind("spring-hikari", "HikariCP", false);
    /** tomcat-jdbc bound by Spring Boot. */
    public static final PoolKind TOMCAT_JDBC = new PoolKind("tomcat-jdbc", "tomcat-jdbc", false);
    /** commons-dbcp2 bound by Spring Boot. */
    public static final PoolKind DBCP2 = new PoolKind("dbcp2", "commons-dbcp2", false);
    /** Django's persistent connections, one per thread and alias. */
    public static final PoolKind DJANGO = new PoolKind("django", "Django", true);

    public PoolKind {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(library, "library");
    }

    /** True for HikariCP, however it is configured. */
    public boolean isHikari() {
        return library.equals(HIKARI.library());
    }

    @Override
    public String toString() {
        return id;
    }
}
