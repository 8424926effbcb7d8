package io.connlint.rules.server;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.OptionInIgnoredGroup;

import java.util.Locale;
import java.util.Set;

/**
 * mysqld reads only its own option-file groups and skips the others without a word: a
 * max_connections under [client] or [mysqld_safe] changes nothing on the server. Options that the
 * client programs have themselves (max_allowed_packet and net_buffer_length of mysql and
 * mysqldump, connect_timeout of mysql and mysqladmin; MySQL Reference Manual, "mysql — The MySQL
 * Command-Line Client" and "mysqldump" option tables) are meant for them in their own groups, as in
 * Debian's stock conf.d/mysqldump.cnf ({@code [mysqldump] max_allowed_packet = 16M}).
 */
@LintRule(code = "CL505", name = "setting-in-ignored-group",
        summary = "A server variable is set in an option-file group the server does not read",
        severity = Severity.WARNING)
public final class SettingInIgnoredGroup implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            for (OptionInIgnoredGroup option : server.ignoredGroups()) {
                if (isClientOption(option)) {
                    continue;
                }
                context.report("'" + option.option() + "' is set in [" + option.group() + "], which server "
                                + server.id() + " does not read: the server runs without it")
                        .at(option.at())
                        .help("move it under [mysqld] (server " + server.id() + " reads " + String.join(", ",
                                server.engine().serverGroups().stream().map(g -> "[" + g + "]").toList()) + ")")
                        .emit();
            }
        }
    }

    private static final Set<String> CLIENT_GROUPS = Set.of("client", "client-mariadb", "mysql", "mariadb-client",
            "mysqldump", "mariadb-dump", "mysqladmin", "mariadb-admin", "mysqlimport", "mariadb-import",
            "mysqlcheck", "mariadb-check", "mysqlshow", "mariadb-show", "mysqlslap", "mariadb-slap", "mysqlpump",
            "mysqlbinlog", "mariadb-binlog", "mysql_upgrade", "mariadb-upgrade");
    private static final Set<String> CLIENT_OPTIONS = Set.of("max_allowed_packet", "net_buffer_length",
            "connect_timeout");

    /** A client program's own option in its own group: not a misplaced server variable. */
    private static boolean isClientOption(OptionInIgnoredGroup option) {
        String group = option.group().toLowerCase(Locale.ROOT);
        String name = option.option().toLowerCase(Locale.ROOT).replace('-', '_');
        return CLIENT_GROUPS.contains(group) && CLIENT_OPTIONS.contains(name);
    }
}
