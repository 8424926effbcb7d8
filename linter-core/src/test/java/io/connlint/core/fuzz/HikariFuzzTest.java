package io.connlint.core.fuzz;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.read.TextFile;
import io.connlint.core.pool.HikariPropertiesFile;

import java.nio.file.Path;
import java.util.List;

/** HikariCP .properties: HikariPropertiesFile (keys, dataSource.*, the JDBC URL, validate()'s rewrites). */
class HikariFuzzTest extends ReaderFuzz {

    @Override
    String reader() {
        return "hikari.properties";
    }

    @Override
    List<String> corpusDirectories() {
        return List.of("hikari", "spring");
    }

    @Override
    boolean isSeed(String fileName) {
        return fileName.endsWith(".properties");
    }

    @Override
    List<String> builtInSeeds() {
        return List.of("""
                jdbcUrl=jdbc:mysql://db.internal:3306/orders?useSSL=false
                username=orders
                maximumPoolSize=20
                minimumIdle=5
                maxLifetime=1800000
                idleTimeout=600000
                connectionTimeout=30000
                keepaliveTime=0
                dataSource.cachePrepStmts=true
                dataSource.prepStmtCacheSize=250
                """, """
                # legacy
                dataSourceClassName=org.mariadb.jdbc.MariaDbDataSource
                dataSource.url=jdbc:mariadb://a:3307,b:3308/db
                maxPoolSize : 10
                poolName = \\
                    main
                """);
    }

    @Override
    List<String> dictionary() {
        return List.of("jdbcUrl", "maximumPoolSize", "minimumIdle", "maxLifetime", "idleTimeout", "connectionTimeout",
                "keepaliveTime", "validationTimeout", "leakDetectionThreshold", "dataSource.", "dataSource.url",
                "dataSourceClassName", "driverClassName", "username", "=", ":", " ", "\\", "\\u", "\\u00e9", "\\uZZZZ",
                "#", "!", "jdbc:mysql://", "jdbc:mariadb:", "jdbc:mysql:loadbalance://", "jdbc:mysql://[::1]:3306/",
                "@", "?", "&", ";", "host=", "(", ")", "address=(host=a)(port=1)", ":99999", ":-1", "/", "${", "}");
    }

    @Override
    String hostile(int variant, int size) {
        return switch (variant % 5) {
            case 0 -> "maximumPoolSize=" + "9".repeat(size) + "\n";
            case 1 -> "jdbcUrl=jdbc:mysql://" + "a,".repeat(size) + "b/db?" + "x=1&".repeat(size) + "\n";
            case 2 -> "a=\\\n".repeat(size) + "b\n";
            case 3 -> "dataSource." + "x.".repeat(size) + "=1\n";
            default -> "jdbcUrl=jdbc:mysql://" + "(".repeat(size) + "host=a" + ")".repeat(size) + "/db\n";
        };
    }

    @Override
    List<ReadProblem> read(Path dir, Seed seed, byte[] input) throws Exception {
        HikariPropertiesFile.read(decode(dir, "hikari.properties", input));
        return List.of();
    }
}
