package io.connlint.core.deploy;

import io.connlint.core.inventory.FileKinds;
import io.connlint.core.inventory.Inventory;
import io.connlint.core.inventory.Selection;
import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.systemd.SystemdLimits;
import io.connlint.core.server.OpenFiles;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A server's open-files limit as the deployment sets it: connlint.yml's {@code openFilesLimit},
 * else the {@code LimitNOFILE} of the project's MySQL/MariaDB systemd units, read once a run.
 */
public final class OpenFilesLimits {

    private final ProjectPaths rootPaths;
    private final List<ReadProblem> problems;
    private final List<Note> notes;

    public OpenFilesLimits(ProjectPaths rootPaths, List<ReadProblem> problems, List<Note> notes) {
        this.rootPaths = rootPaths;
        this.problems = problems;
        this.notes = notes;
    }

    /** The limits of one server's or app's loader in a parallel read: the units {@code parent} read, shared. */
    public OpenFilesLimits(OpenFilesLimits parent, List<ReadProblem> problems, List<Note> notes) {
        this(parent.rootPaths, problems, notes);
        this.systemd = parent.systemd;
        this.systemdUnits = parent.systemdUnits;
    }

    /** Starts the walk for units early (it reads no file); {@link #cancelUnlessRead} stops it when no server needs it. */
    public void walkBeside(Future<SystemdLimits.Units> units) {
        systemdUnits = units;
    }

    /** The units the inventory of a discovery found: no walk of its own. */
    public void found(List<java.nio.file.Path> unitFiles) {
        systemdUnits = java.util.concurrent.CompletableFuture.completedFuture(SystemdLimits.units(unitFiles));
    }

    /**
     * The project's server units and drop-ins, walked for with the inventory's skip rules (test
     * folders too); a cancelled walk stops at the next folder.
     */
    public static SystemdLimits.Units walk(ProjectPaths paths) {
        return SystemdLimits.units(Inventory.walk(paths, List.of(FileKinds.SYSTEMD_UNIT), Selection.DEFAULT)
                .of(FileKinds.SYSTEMD_UNIT));
    }

    /** Stops the early walk when no server asked for the units. */
    public void cancelUnlessRead() {
        if (systemd == null && systemdUnits != null) {
            systemdUnits.cancel(true);
        }
    }

    /** Reads the units now, before servers are read in parallel. */
    public void readNow() {
        systemdLimits();
    }

    /**
     * The open-files limit of a server: {@code openFilesLimit} in connlint.yml, else the
     * {@code LimitNOFILE} of a MySQL/MariaDB systemd unit in the project (when the project has
     * one server), else unknown.
     */
    public OpenFiles of(Optional<Setting<Long>> declared, String server, int serverCount) {
        if (declared.isPresent()) {
            return new OpenFiles(declared, declared.get().effective());
        }
        List<SystemdLimits.Limit> systemd = systemdLimits();
        if (systemd.isEmpty()) {
            return OpenFiles.UNKNOWN;
        }
        var first = systemd.get(0);
        SourceLocation at = first.soft().location().orElseThrow();
        if (serverCount > 1) {
            notes.add(new Note(at, "LimitNOFILE of " + first.unit() + " is not applied: the project declares "
                    + serverCount + " servers; set openFilesLimit for server " + server + " in connlint.yml"));
            return OpenFiles.UNKNOWN;
        }
        if (systemd.size() > 1) {
            notes.add(new Note(at, "several systemd units set LimitNOFILE; server " + server + " uses "
                    + first.unit() + " (" + first.soft().raw() + "); set openFilesLimit in connlint.yml to choose"));
        }
        return new OpenFiles(Optional.of(first.soft()), first.hard());
    }

    private List<SystemdLimits.Limit> systemd;
    /** The walk for systemd units, started before connlint.yml is parsed; null: walk when needed. */
    private Future<SystemdLimits.Units> systemdUnits;

    /** The project's systemd units' LimitNOFILE, read once. */
    private List<SystemdLimits.Limit> systemdLimits() {
        if (systemd == null) {
            SystemdLimits.Units units;
            try {
                units = systemdUnits == null ? walk(rootPaths) : systemdUnits.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while walking the project for systemd units", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("walking the project for systemd units failed", e.getCause());
            }
            SystemdLimits.Result read = SystemdLimits.read(rootPaths, units);
            problems.addAll(read.problems());
            notes.addAll(read.notes());
            systemd = read.limits();
        }
        return systemd;
    }

}
