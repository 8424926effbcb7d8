package io.connlint.core.server;

import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Note;
import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.OptionInIgnoredGroup;
import io.connlint.core.model.OverriddenOption;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.mycnf.OptionEntry;
import io.connlint.core.read.mycnf.OptionFileReader;
import io.connlint.core.read.mycnf.OptionFiles;
import io.connlint.core.read.mycnf.OptionValues;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.persisted.PersistedVariables;
import io.connlint.core.server.OptionNames.Assignment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * One server's inputs → its effective variables and the facts about its option lines, in one
 * pass. The inputs are handed in one by one (option files, command-line flags, persisted values)
 * and {@link #assemble} applies them in the server's order — option files, then the command line,
 * then mysqld-auto.cnf (research/mysql-facts.md: "mysqld-auto.cnf > command line > option files")
 * — resolving every line to its variable once ({@link OptionNames}). Out come the variables
 * (last wins, clamped, rounded, autosized, cut to the open-files limit), the lines the server
 * refuses (CL504) and the files it skips (CL507), the variables set in groups it does not read
 * (CL505), and the lines a later one overrides (CL506). Read problems and notes go to the sinks as
 * they arise.
 *
 * <p>A new source of server options is one method here that adds its entries to the list of its
 * precedence, and one call where the server is loaded.
 */
public final class ServerAssembly {

    private final ServerEngine engine;
    private final boolean engineDeclared;
    private final ProjectPaths paths;
    private final Consumer<ReadProblem> problems;
    private final Consumer<Note> notes;
    private final OptionFileReader reader;
    private final List<String> optionFilesRead = new ArrayList<>();
    private final List<String> persistedFilesRead = new ArrayList<>();
    private final List<OptionEntry> optionFileEntries = new ArrayList<>();
    private final List<OptionEntry> commandLine = new ArrayList<>();
    private final List<OptionEntry> persisted = new ArrayList<>();
    private final List<OptionFileIssue> fileIssues = new ArrayList<>();
    private final List<OptionInIgnoredGroup> ignoredGroups = new ArrayList<>();

    /**
     * @param engine         the engine whose rules apply
     * @param engineDeclared false when the engine is only guessed (discovery without connlint.yml):
     *                       then option names are not held to one version's option list
     * @param paths          how include paths map into the project
     * @param problems       receives files that cannot be read
     * @param notes          receives what connlint assumed or could not follow
     */
    public ServerAssembly(ServerEngine engine, boolean engineDeclared, ProjectPaths paths,
                          Consumer<ReadProblem> problems, Consumer<Note> notes) {
        this.engine = engine;
        this.engineDeclared = engineDeclared;
        this.paths = paths;
        this.problems = problems;
        this.notes = notes;
        this.reader = new OptionFileReader(paths, engine);
    }

    /** Top-level option files, each read with what it includes, in the order given. */
    public void optionFiles(List<Path> topLevel) {
        for (Path file : topLevel) {
            add(reader.read(file));
        }
    }

    /**
     * Option files found by a walk: each is read, and those another one includes are dropped as
     * top-level files (they count where they are included).
     */
    public void discoveredOptionFiles(List<Path> found) {
        Map<Path, OptionFiles> reads = new LinkedHashMap<>();
        Set<String> included = new HashSet<>();
        for (Path file : found) {
            OptionFiles read = reader.read(file);
            reads.put(file, read);
            read.filesRead().stream().skip(1).forEach(included::add);
        }
        reads.forEach((file, read) -> {
            if (!included.contains(paths.display(file))) {
                add(read);
            }
        });
    }

    private void add(OptionFiles read) {
        optionFilesRead.addAll(read.filesRead());
        optionFileEntries.addAll(read.entries());
        for (OptionEntry e : read.ignored()) {
            // the option as a MySQL client would name it: case kept, no prefixes
            Optional<String> variable = OptionValues.variableName(e.name());
            if (variable.isPresent() && ServerVariable.byName(variable.get()).isPresent()) {
                ignoredGroups.add(new OptionInIgnoredGroup(e.at(), e.name(), e.group()));
            }
        }
        read.problems().forEach(problems);
        read.notes().forEach(notes);
        fileIssues.addAll(read.issues());
    }

    /** The flags the server is started with ({@code ServerCommandLine}); they win over the option files. */
    public void commandLine(List<OptionEntry> flags) {
        commandLine.addAll(flags);
    }

    /**
     * {@code SET PERSIST} values (MySQL 8 {@code mysqld-auto.cnf}): applied after every option file
     * and the command line, so they win. MariaDB has no SET PERSIST and does not read the file.
     */
    public void persisted(Path file) {
        String display = paths.display(file);
        if (engine.isMariaDb() || engine.major() < 8) {
            notes.accept(new Note(SourceLocation.startOf(display), engine.id() + " has no SET PERSIST and does not "
                    + "read mysqld-auto.cnf; its values are ignored"));
            return;
        }
        try {
            PersistedVariables.Result read = PersistedVariables.read(TextFile.read(file, display));
            read.problems().forEach(problems);
            persisted.addAll(read.entries());
            persistedFilesRead.add(display);
        } catch (TextFile.Unreadable e) {
            problems.accept(e.problem());
        }
    }

    /** Applies every input under the open-files limit the server starts with. */
    public Assembled assemble(OpenFiles openFiles) {
        List<Assignment> assignments = new ArrayList<>();
        for (List<OptionEntry> source : List.of(optionFileEntries, commandLine, persisted)) {
            source.forEach(e -> assignments.add(OptionNames.resolve(e, engine)));
        }
        List<OptionFileIssue> issues = new ArrayList<>(fileIssues);
        // the option files' lines only: connlint does not check command-line flags and persisted values
        issues.addAll(Refusals.refusals(optionFileEntries, engine, engineDeclared));
        SortedMap<String, Setting<?>> variables = ServerVariablesBuilder.build(assignments, engine, openFiles);
        List<String> filesRead = new ArrayList<>(optionFilesRead);
        filesRead.addAll(persistedFilesRead);
        return new Assembled(engine, filesRead, variables, openFiles, issues, ignoredGroups,
                overridden(assignments, variables));
    }

    /**
     * Lines setting a catalogue variable that a later line sets again: every one but the last.
     * MariaDB's {@code skip-}/{@code disable-}/{@code enable-} forms of a numeric variable take no
     * part (as before the assembly), although they set it: including them would add CL506 findings.
     */
    private static List<OverriddenOption> overridden(List<Assignment> assignments,
                                                     Map<String, Setting<?>> variables) {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < assignments.size(); i++) {
            int index = i;
            Assignment a = assignments.get(i);
            a.variable().filter(name -> !a.rewritten()).ifPresent(name -> last.put(name, index));
        }
        List<OverriddenOption> overridden = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            Assignment a = assignments.get(i);
            Optional<String> name = a.variable();
            if (name.isEmpty() || a.rewritten() || last.get(name.get()) == i
                    || ServerVariable.byName(name.get()).isEmpty()) {
                continue;
            }
            overridden.add(new OverriddenOption(a.written().at(), a.written().name(), name.get(),
                    variables.get(name.get())));
        }
        return overridden;
    }

    /** What the assembly gave: the server as it runs, but for what connlint.yml says of it. */
    public record Assembled(ServerEngine engine, List<String> filesRead, SortedMap<String, Setting<?>> variables,
                            OpenFiles openFiles, List<OptionFileIssue> issues, List<OptionInIgnoredGroup> ignoredGroups,
                            List<OverriddenOption> overridden) {

        public Assembled {
            filesRead = List.copyOf(filesRead);
            issues = List.copyOf(issues);
            ignoredGroups = List.copyOf(ignoredGroups);
            overridden = List.copyOf(overridden);
        }

        /** The server, with what the project declares about it. */
        public DatabaseServer server(String id, Optional<Setting<Long>> ramMb, Setting<Long> reserved,
                                     List<String> hosts, Optional<SourceLocation> declaredAt) {
            return new DatabaseServer(id, engine, filesRead, variables, ramMb, openFiles.soft(), reserved, hosts,
                    declaredAt, issues, ignoredGroups, overridden);
        }
    }
}
