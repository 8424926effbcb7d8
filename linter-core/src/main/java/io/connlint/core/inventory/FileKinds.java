package io.connlint.core.inventory;

import io.connlint.core.read.systemd.SystemdLimits;

import java.util.List;

/**
 * The kinds of file the server and deployment stages take from the inventory, in the order they
 * are tried (a file is of the first kind that recognises it). The application formats bring their
 * own ({@code AppFormat.fileKinds()}); a new server or deployment input adds its kind here.
 */
public final class FileKinds {

    /** MySQL/MariaDB option files; {@code mysqld-auto.cnf} holds SET PERSIST values, not options. */
    public static final FileKind OPTION_FILE = new FileKind("option-file",
            (name, folder) -> name.endsWith(".cnf") && !name.equals("mysqld-auto.cnf"));

    /** A MySQL/MariaDB systemd unit or one of its drop-ins ({@code mysql.service.d/*.conf}). */
    public static final FileKind SYSTEMD_UNIT = new FileKind("systemd-unit",
            (name, folder) -> SystemdLimits.unitOf(name, folder).isPresent());

    /** Every kind, in the order they are tried. */
    public static final List<FileKind> ALL = List.of(OPTION_FILE, SYSTEMD_UNIT);

    private FileKinds() {
    }
}
