package io.connlint.core.model;

/** The pool library (or framework) that opens a pool's connections. */
public enum PoolKind {
    HIKARI("hikari"),
    SPRING_HIKARI("spring-hikari"),
    TOMCAT_JDBC("tomcat-jdbc"),
    DBCP2("dbcp2"),
    DJANGO("django");

    private final String id;

    PoolKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
