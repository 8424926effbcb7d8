package io.connlint.core.model;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A MySQL or MariaDB server as it would run.
 *
 * @param id          the server id (from connlint.yml, or {@code default} when discovered)
 * @param engine      engine and version
 * @param optionFiles the option files read, in the order mysqld reads them (project-relative)
 * @param variables   every server variable connlint knows, by name, with its effective value
 * @param ramMb       host memory, when declared
 * @param openFilesLimit the open-files limit the server starts under (LimitNOFILE), when known
 * @param reserved    connections outside the pools (admin, monitoring, replication)
 * @param hosts       the names clients use to reach it
 * @param declaredAt  where the server is declared (connlint.yml), if anywhere
 * @param issues      option-file lines the server refuses and files it skips (CL504, CL507)
 * @param ignoredGroups server variables set in groups the server does not read (CL505)
 * @param overridden  server variables set again later, so without effect (CL506)
 */
public record DatabaseServer(String id, ServerEngine engine, List<String> optionFiles,
                             SortedMap<String, Setting<?>> variables, Optional<Setting<Long>> ramMb,
                             Optional<Setting<Long>> openFilesLimit, Setting<Long> reserved, List<String> hosts,
                             Optional<SourceLocation> declaredAt, List<OptionFileIssue> issues,
                             List<OptionInIgnoredGroup> ignoredGroups, List<OverriddenOption> overridden) {

    public DatabaseServer {
        optionFiles = List.copyOf(optionFiles);
        issues = List.copyOf(issues);
        ignoredGroups = List.copyOf(ignoredGroups);
        overridden = List.copyOf(overridden);
        variables = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(variables));
        hosts = List.copyOf(hosts);
    }

    /** A server without option-file issues. */
    public DatabaseServer(String id, ServerEngine engine, List<String> optionFiles,
                          SortedMap<String, Setting<?>> variables, Optional<Setting<Long>> ramMb,
                          Optional<Setting<Long>> openFilesLimit, Setting<Long> reserved, List<String> hosts,
                          Optional<SourceLocation> declaredAt) {
        this(id, engine, optionFiles, variables, ramMb, openFilesLimit, reserved, hosts, declaredAt, List.of(),
                List.of(), List.of());
    }

    /** A numeric variable of the catalogue; its engine default when not set. */
    @SuppressWarnings("unchecked")
    public Setting<Long> variable(ServerVariable variable) {
        Setting<?> setting = variables.get(variable.name());
        if (setting != null && setting.value() instanceof Long) {
            return (Setting<Long>) setting;
        }
        return variable.defaultSetting(engine);
    }

    public Optional<Setting<?>> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** Where to point at the server as a whole: its declaration, else the start of its first option file. */
    public Optional<SourceLocation> location() {
        return declaredAt.or(() -> optionFiles.stream().findFirst().map(SourceLocation::startOf));
    }

    public Setting<Long> maxConnections() {
        return variable(ServerVariable.MAX_CONNECTIONS);
    }

    public Setting<Long> waitTimeout() {
        return variable(ServerVariable.WAIT_TIMEOUT);
    }
}
