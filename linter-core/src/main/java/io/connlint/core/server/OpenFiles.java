package io.connlint.core.server;

import io.connlint.core.model.Setting;

import java.util.Optional;

/**
 * The open-files limit a server starts under (systemd {@code LimitNOFILE}, or connlint.yml's
 * {@code openFilesLimit}).
 *
 * @param soft the soft limit as a setting; empty: unknown, and then no open-files cut is applied
 * @param hard the hard limit ({@link Long#MAX_VALUE}: infinity); mysqld raises its soft limit up to
 *             it when it needs more files
 */
public record OpenFiles(Optional<Setting<Long>> soft, long hard) {

    /** Unknown: no cut. */
    public static final OpenFiles UNKNOWN = new OpenFiles(Optional.empty(), 0);
}
