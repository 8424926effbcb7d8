package io.connlint.core.fuzz;

import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.read.compose.ComposeFiles;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.mycnf.ServerCommandLine;
import io.connlint.core.server.ServerVariablesBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** docker-compose files: ComposeFiles (services, replicas, mounts, command words) and the server command line's values. */
class ComposeFuzzTest extends ReaderFuzz {

    @Override
    String reader() {
        return "compose";
    }

    @Override
    List<String> corpusDirectories() {
        return List.of("deploy");
    }

    @Override
    boolean isSeed(String fileName) {
        return fileName.contains("compose");
    }

    @Override
    List<String> builtInSeeds() {
        return List.of("""
                services:
                  db:
                    image: mysql:8.0
                    command: --max-connections=300 --wait_timeout=600 "--innodb-buffer-pool-size=2G"
                    volumes:
                      - ./mysql/conf.d:/etc/mysql/conf.d:ro
                      - type: bind
                        source: ./init
                        target: /docker-entrypoint-initdb.d
                  web:
                    image: shop/web
                    deploy:
                      replicas: 4
                    scale: 2
                """, """
                version: "3.8"
                services:
                  mariadb:
                    image: docker.io/library/mariadb:11.4@sha256:abc
                    command: ["mariadbd", "--max_connections", "500", "--skip-name-resolve", "--loose-thread-handling=pool-of-threads"]
                  app:
                    image: app
                    deploy: {replicas: "${REPLICAS:-3}"}
                """);
    }

    @Override
    List<String> dictionary() {
        return Yamls.concat(Yamls.COMMON, List.of("services", "image", "mysql:8.0", "mariadb", "percona:5.7",
                "command", "entrypoint", "deploy", "replicas", "scale", "volumes", "./conf:/etc/mysql/conf.d",
                "type: bind", "source", "target", "--max-connections=", "--max_connections", "--skip-", "--loose-",
                "--defaults-file=/etc/my.cnf", "mysqld", "mariadbd", "\"--", "'--", "$$", "${X:-1}", "\\\"", "extends",
                "x-common", "<<: *common", "environment", "MYSQL_ROOT_PASSWORD"));
    }

    @Override
    String hostile(int variant, int size) {
        if (variant % 2 == 0) {
            return switch (variant / 2 % 3) {
                case 0 -> "services:\n  db:\n    image: mysql\n    command: " + "--max-connections=1 ".repeat(size) + "\n";
                case 1 -> "services:\n  db:\n    image: mysql\n    command: \"" + "\\\"".repeat(size) + "\n";
                default -> "services:\n" + "  s:\n    image: mysql\n    deploy: {replicas: 9}\n".repeat(Math.min(size, 300));
            };
        }
        return Yamls.hostile(variant / 2, size, "services:\n  web:\n    deploy:\n      replicas: ");
    }

    @Override
    List<ReadProblem> read(Path dir, Seed seed, byte[] input) throws Exception {
        Path file = write(dir, "compose.yaml", input);
        ProjectPaths paths = new ProjectPaths(dir, Map.of());
        ComposeFiles.Project project = ComposeFiles.read(List.of(file), paths::display);
        for (ComposeFiles.Service service : project.services().values()) {
            ServerCommandLine.Result command = ServerCommandLine.read(service.command(), "command of " + service.name());
            List<Note> notes = new ArrayList<>(command.notes());
            ServerVariablesBuilder.build(command.entries(), ServerEngine.DEFAULT, notes);
            service.image().ifPresent(ComposeFiles::engineOf);
        }
        return project.problems();
    }
}
