package io.connlint.core.inventory;

import io.connlint.core.read.systemd.SystemdLimits;

import java.util.List;

/**
 * The registration list of the inventory: every kind of file discovery looks for, in the order
 * they are tried (a file is of the first kind that recognises it). A new input format adds its
 * kind here.
 */
public final class FileKinds {

    /** MySQL/MariaDB option files; {@code mysqld-auto.cnf} holds SET PERSIST values, not options. */
    public static final FileKind OPTION_FILE = new FileKind("option-file",
            (name, folder) -> name.endsWith(".cnf") && !name.equals("mysqld-auto.cnf"));

    /** HikariCP's own properties files. */
    public static final FileKind HIKARI_PROPERTIES = new FileKind("hikari-properties",
            (name, folder) -> name.startsWith("hikari") && name.endsWith(".properties"));

    /** Spring Boot's {@code application*.properties|yml|yaml}. */
    public static final FileKind SPRING_CONFIG = new FileKind("spring-config",
            (name, folder) -> name.startsWith("application")
                    && (name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml")));

    /** Python modules: Django settings and gunicorn configuration among them. */
    public static final FileKind PYTHON = new FileKind("python", (name, folder) -> name.endsWith(".py"));

    /** A MySQL/MariaDB systemd unit or one of its drop-ins ({@code mysql.service.d/*.conf}). */
    public static final FileKind SYSTEMD_UNIT = new FileKind("systemd-unit",
            (name, folder) -> SystemdLimits.unitOf(name, folder).isPresent());

    /** Every kind, in the order they are tried. */
    public static final List<FileKind> ALL = List.of(OPTION_FILE, HIKARI_PROPERTIES, SPRING_CONFIG, PYTHON,
            SYSTEMD_UNIT);

    private FileKinds() {
    }
}
