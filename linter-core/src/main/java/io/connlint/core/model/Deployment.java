package io.connlint.core.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.TreeMap;

/**
 * The whole system connlint reasons about: servers, pools, which pool talks to which server,
 * and what could not be read.
 *
 * @param projectRoot  the project root, as given (for messages)
 * @param servers      every server
 * @param pools        every pool
 * @param poolServer   pool id → server id, for pools whose server is known
 * @param problems     files that could not be read and connlint.yml entries that are not valid
 * @param notes        what connlint assumed or could not follow
 * @param unusedKeys   keys in apps' configuration that nothing reads
 * @param suppressions {@code # connlint: ignore[…]} comments in the files read
 * @param discovered   true when there was no connlint.yml and files were discovered
 */
public record Deployment(String projectRoot, List<DatabaseServer> servers, List<ClientPool> pools,
                         Map<String, String> poolServer, List<ReadProblem> problems, List<Note> notes,
                         List<UnusedKey> unusedKeys, List<Suppression> suppressions, boolean discovered) {

    public Deployment {
        servers = List.copyOf(servers);
        poolServer = Collections.unmodifiableMap(new TreeMap<>(poolServer));
        pools = new Pools(pools, poolServer);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        unusedKeys = List.copyOf(unusedKeys);
        suppressions = List.copyOf(suppressions);
    }

    /** The same model with other suppressions. */
    public Deployment withSuppressions(List<Suppression> replaced) {
        return new Deployment(projectRoot, servers, pools, poolServer, problems, notes, unusedKeys, replaced, discovered);
    }

    /** The same model with other problems. */
    public Deployment withProblems(List<ReadProblem> replaced) {
        return new Deployment(projectRoot, servers, pools, poolServer, replaced, notes, unusedKeys, suppressions,
                discovered);
    }

    public Optional<DatabaseServer> server(String id) {
        return servers.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The pools that connect to {@code server}. */
    public List<ClientPool> poolsOf(DatabaseServer server) {
        return ((Pools) pools).of(server.id());
    }

    /**
     * The pools, immutable, indexed once by server: every budget and timeout rule asks for each
     * server's pools, and filtering every pool for every server grew with servers × pools.
     */
    private static final class Pools extends AbstractList<ClientPool> implements RandomAccess {
        private final List<ClientPool> all;
        private final Map<String, List<ClientPool>> byServer = new HashMap<>();

        Pools(List<ClientPool> pools, Map<String, String> poolServer) {
            this.all = List.copyOf(pools);
            for (ClientPool p : all) {
                String server = poolServer.get(p.id());
                if (server != null) {
                    byServer.computeIfAbsent(server, s -> new ArrayList<>()).add(p);
                }
            }
            byServer.replaceAll((s, list) -> List.copyOf(list));
        }

        List<ClientPool> of(String server) {
            return byServer.getOrDefault(server, List.of());
        }

        @Override
        public ClientPool get(int index) {
            return all.get(index);
        }

        @Override
        public int size() {
            return all.size();
        }
    }
}
