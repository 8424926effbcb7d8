package io.connlint.core.engine;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.HostPort;
import io.connlint.core.model.Setting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pool → server links. A pool goes to the server its app declares; else to the first server one
 * of its URL's hosts names (hosts are tried in the URL's order, as the driver tries them; a
 * server's hosts are its connlint.yml {@code hosts}, its compose service name and its Kubernetes
 * Service names; a host declared without a port matches any port, one with a port matches that
 * port, 3306 when the URL gives none); else, with a single server, to that server. Servers are
 * indexed by host name once, so linking costs one lookup per URL host.
 */
final class HostIndex {

    private record Entry(String server, HostPort declared) {
    }

    private final Map<String, List<Entry>> byHost = new HashMap<>();

    private HostIndex(List<DatabaseServer> servers) {
        for (DatabaseServer server : servers) {
            for (String h : server.hosts()) {
                HostPort declared = HostPort.parse(h);
                byHost.computeIfAbsent(declared.host(), k -> new ArrayList<>()).add(new Entry(server.id(), declared));
            }
        }
    }

    static Map<String, String> link(List<DatabaseServer> servers, List<ClientPool> pools) {
        HostIndex index = new HostIndex(servers);
        Map<String, String> links = new LinkedHashMap<>();
        for (ClientPool pool : pools) {
            Optional<String> server = pool.server().map(Setting::value);
            if (server.isEmpty() && pool.target().isPresent()) {
                server = index.find(pool.target().get().hosts());
            }
            if (server.isEmpty() && servers.size() == 1) {
                server = Optional.of(servers.get(0).id());
            }
            server.ifPresent(s -> links.put(pool.id(), s));
        }
        return links;
    }

    Optional<String> find(List<HostPort> hosts) {
        for (HostPort h : hosts) {
            for (Entry e : byHost.getOrDefault(h.host(), List.of())) {
                if (h.matches(e.declared())) {
                    return Optional.of(e.server());
                }
            }
        }
        return Optional.empty();
    }
}
