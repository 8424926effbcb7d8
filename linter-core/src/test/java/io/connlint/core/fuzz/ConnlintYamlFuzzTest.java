package io.connlint.core.fuzz;

import io.connlint.core.config.ConnlintYamlReader;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.read.TextFile;

import java.nio.file.Path;
import java.util.List;

/** connlint.yml: ConnlintYamlReader's strict reading (unknown keys, wrong types, ids). */
class ConnlintYamlFuzzTest extends ReaderFuzz {

    @Override
    String reader() {
        return "connlint.yml";
    }

    @Override
    List<String> corpusDirectories() {
        return List.of();
    }

    @Override
    boolean isSeed(String fileName) {
        return false;
    }

    @Override
    List<String> builtInSeeds() {
        return List.of("""
                servers:
                  main:
                    engine: mysql-8.0
                    optionFiles: [db/my.cnf]
                    persisted: db/mysqld-auto.cnf
                    ramMb: 16384
                    openFilesLimit: 10000
                    reserved: 10
                    hosts: [db.internal, "10.0.0.5:3306"]
                    pathMap: { /etc/mysql: db/etc-mysql }
                apps:
                  orders:
                    config: [orders/src/main/resources/application.yml]
                    profiles: [prod]
                    env: { DB_POOL: "20" }
                    instances: 6
                    maxSurge: 25%
                    maxInstances: 12
                    processes: 1
                    server: main
                  web:
                    config: web/settings.py
                    gunicorn: web/gunicorn.conf.py
                    deployment: k8s/web.yaml
                rules:
                  CL301: { severity: info, maxSeconds: 1800 }
                  CL104: off
                maxFileBytes: 1048576
                followSymlinksOutside: false
                """);
    }

    @Override
    List<String> dictionary() {
        return Yamls.concat(Yamls.COMMON, List.of("servers", "apps", "rules", "engine", "optionFiles", "persisted",
                "ramMb", "openFilesLimit", "reserved", "hosts", "pathMap", "config", "profiles", "env", "instances",
                "deployment", "maxSurge", "maxInstances", "processes", "gunicorn", "server", "severity", "off", "info",
                "CL101", "maxFileBytes", "followSymlinksOutside", "mysql-8.0", "mariadb-10.11", "25%", "main", "-1",
                "99999999999999999999", "bad id!", "../../etc/passwd", "/etc/shadow"));
    }

    @Override
    String hostile(int variant, int size) {
        return Yamls.hostile(variant, size, "apps:\n  a:\n    instances: ");
    }

    @Override
    List<ReadProblem> read(Path dir, Seed seed, byte[] input) throws Exception {
        return ConnlintYamlReader.read(decode(dir, "connlint.yml", input)).problems();
    }
}
