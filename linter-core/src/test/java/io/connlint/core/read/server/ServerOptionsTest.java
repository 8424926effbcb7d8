package io.connlint.core.read.server;

import io.connlint.core.model.ServerEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerOptionsTest {

    private static final ServerEngine MARIADB = ServerEngine.parse("mariadb-10.11").orElseThrow();
    private static final Pattern OPTION = Pattern.compile("^  (?:-[a-zA-Z#?], )?--([a-z0-9_-]+(?:\\[?=[#a-z]+]?)?)");

    @TempDir
    Path dir;

    @Test
    void lookupFollowsMyGetopt() {
        ServerOptions options = ServerOptions.of(MARIADB).orElseThrow();
        assertEquals(List.of("max-connections"), names(options.find("Max_Connections")));
        assertEquals(List.of("wait-timeout"), names(options.find("wait")));
        assertEquals(List.of("table-open-cache", "table-open-cache-instances"), names(options.find("table_open")));
        assertEquals(List.of("table-open-cache"), names(options.find("table_open_cache")), "an exact name wins");
        assertEquals(List.of(), options.find("time_zone"));
        assertEquals(ServerOptions.Argument.NUMBER, options.find("max_connections").get(0).argument());
        assertTrue(ServerOptions.of(ServerEngine.parse("mysql-8.0").orElseThrow()).isEmpty());
    }

    /** The list in the resource is what the installed mariadbd prints (when it is 10.11). */
    @Test
    void listMatchesTheInstalledServer() throws Exception {
        Mariadbd mariadbd = Mariadbd.require();
        Path file = Files.writeString(dir.resolve("my.cnf"), "[mysqld]\n");
        Mariadbd.Result result = mariadbd.run(file, 4096);
        List<String> printed = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            Matcher m = OPTION.matcher(line);
            if (m.find()) {
                printed.add(m.group(1));
            }
        }
        ServerOptions parsed = ServerOptions.parse(printed);
        assertTrue(result.stdout().contains("Ver 10.11."), "the resource is the list of 10.11");
        assertEquals(new TreeSet<>(parsed.all().keySet()), new TreeSet<>(ServerOptions.of(MARIADB).orElseThrow()
                .all().keySet()));
        assertEquals(parsed.all(), ServerOptions.of(MARIADB).orElseThrow().all());
        String groups = result.stdout().lines().filter(l -> l.startsWith("The following groups are read:"))
                .findFirst().orElseThrow().substring("The following groups are read:".length()).strip();
        assertEquals(new TreeSet<>(List.of(groups.split(" "))), new TreeSet<>(MARIADB.serverGroups()),
                "the groups mariadbd reads");
    }

    private static List<String> names(List<ServerOptions.Option> options) {
        return options.stream().map(ServerOptions.Option::name).toList();
    }
}
