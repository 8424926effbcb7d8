package io.connlint.core.model;

import java.util.List;
import java.util.Optional;

/**
 * Where a pool connects: parsed from a JDBC URL or a Django HOST/PORT.
 *
 * @param hosts    the hosts, in the order the driver tries them
 * @param database the schema, if given
 * @param user     the account, if given
 * @param source   the URL or HOST setting this was read from
 */
public record Target(List<HostPort> hosts, Optional<String> database, Optional<Setting<String>> user,
                     Setting<String> source) {

    public Target {
        hosts = List.copyOf(hosts);
    }
}
