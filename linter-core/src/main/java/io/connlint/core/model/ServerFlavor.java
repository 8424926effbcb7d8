package io.connlint.core.model;

/** The server family: option-file groups, defaults and limits differ between them. */
public enum ServerFlavor {
    MYSQL("mysql"),
    MARIADB("mariadb");

    private final String id;

    ServerFlavor(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
