package io.connlint.core.read.spring;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spring Boot 3.5.7's own configuration processing, run on one directory of {@code application*}
 * files: a real {@link SpringApplication} (profiles, multi-document files, profile files,
 * placeholders, relaxed binding), then its {@link Binder} into HikariCP's own
 * {@link HikariDataSource}, then HikariCP's {@code validate()}.
 *
 * <p>What it stands in for: {@code java -jar app.jar --spring.config.location=file:<dir>/
 * --spring.profiles.active=<profiles>} with exactly {@code env} as the process environment and no
 * system properties, so nothing of the machine running the test leaks in. Nothing touches the
 * network: no driver is on the test classpath and no pool is started.
 */
final class SpringOracle {

    /** The prefix Spring Boot binds its auto-configured HikariCP pool from. */
    static final String HIKARI_PREFIX = "spring.datasource.hikari";

    /** Stands in for the URL when a pool has none, so that {@code validate()} can run. */
    private static final String PLACEHOLDER_URL = "jdbc:mysql://x/y";

    private final Binder binder;

    private SpringOracle(ConfigurableEnvironment environment) {
        this.binder = Binder.get(environment);
    }

    /**
     * Starts an empty Spring application on {@code dir}.
     *
     * @param profiles the profiles to activate, as {@code --spring.profiles.active} does (they
     *                 replace any {@code spring.profiles.active} the files set); empty for none
     * @param env      the process environment: overrides the files, and placeholders resolve
     *                 against it
     * @throws Refused when Spring Boot refuses to start with these files
     */
    static SpringOracle start(Path dir, List<String> profiles, Map<String, String> env) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory");
        }
        SpringApplication app = new SpringApplication(Empty.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        // The logging system would configure java.util.logging for the whole test JVM.
        List<ApplicationListener<?>> listeners = new ArrayList<>(app.getListeners());
        listeners.removeIf(LoggingApplicationListener.class::isInstance);
        app.setListeners(listeners);
        app.setEnvironment(environment(env));
        List<String> args = new ArrayList<>();
        args.add("--spring.config.location=file:" + dir.toAbsolutePath().normalize() + "/");
        if (!profiles.isEmpty()) {
            args.add("--spring.profiles.active=" + String.join(",", profiles));
        }
        try (ConfigurableApplicationContext context = app.run(args.toArray(String[]::new))) {
            return new SpringOracle(context.getEnvironment());
        } catch (RuntimeException e) {
            throw new Refused(e);
        }
    }

    /** The environment of a fresh process: {@code env} as its variables, no system properties. */
    private static StandardEnvironment environment(Map<String, String> env) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        sources.replace(name, new SystemEnvironmentPropertySource(name, new LinkedHashMap<>(env)));
        return environment;
    }

    /**
     * A property as the binder sees it (relaxed name, placeholders resolved where they can be:
     * the binder leaves an unresolvable {@code ${X}} in the text, as {@code DataSourceProperties}
     * gets it).
     */
    Optional<String> property(String name) {
        return Optional.ofNullable(binder.bind(name, String.class).orElse(null));
    }

    /**
     * The auto-configured pool: {@code spring.datasource.url} as its jdbcUrl, then
     * {@code spring.datasource.hikari.*} bound over it, as {@code DataSourceConfiguration.Hikari}
     * does (spring-boot-autoconfigure 3.5.7).
     *
     * @throws Refused when the binder or HikariCP refuses a value (the application does not start)
     */
    Pool mainPool() {
        BoundHikari pool = new BoundHikari();
        property("spring.datasource.url").ifPresent(pool::setJdbcUrl);
        return bind(HIKARI_PREFIX, pool);
    }

    /**
     * A further pool an application binds itself: {@code @Bean @ConfigurationProperties(prefix)
     * HikariDataSource} built by {@code DataSourceBuilder} (Spring Boot 3.5 how-to "Configure Two
     * DataSources"), so its URL is {@code <prefix>.jdbc-url}.
     */
    Pool pool(String prefix) {
        return bind(prefix, new BoundHikari());
    }

    private Pool bind(String prefix, BoundHikari pool) {
        try {
            // the handler @ConfigurationProperties binding uses (ignoreUnknownFields, !ignoreInvalidFields)
            binder.bind(prefix, Bindable.ofInstance(pool), new IgnoreTopLevelConverterNotFoundBindHandler());
        } catch (RuntimeException e) {
            throw new Refused(e);
        }
        Optional<String> url = Optional.ofNullable(pool.getJdbcUrl()).filter(u -> !u.isEmpty());
        if (url.isEmpty()) {
            pool.setJdbcUrl(PLACEHOLDER_URL);
        }
        try {
            pool.validate();
        } catch (RuntimeException e) {
            throw new Refused(e);
        }
        Map<String, Long> settings = new LinkedHashMap<>();
        settings.put("maximumPoolSize", (long) pool.getMaximumPoolSize());
        settings.put("minimumIdle", (long) pool.getMinimumIdle());
        settings.put("maxLifetime", pool.getMaxLifetime());
        settings.put("idleTimeout", pool.getIdleTimeout());
        settings.put("connectionTimeout", pool.getConnectionTimeout());
        settings.put("keepaliveTime", pool.getKeepaliveTime());
        return new Pool(settings, url, Optional.ofNullable(pool.driverClassName));
    }

    /**
     * What a pool runs with.
     *
     * @param settings the six budget settings by HikariCP name, after {@code validate()}; times in ms
     * @param url      the jdbcUrl the pool connects to, if any
     * @param driver   the driver class name the configuration names, if any (not loaded)
     */
    record Pool(Map<String, Long> settings, Optional<String> url, Optional<String> driver) {
    }

    /** Spring Boot (or HikariCP, through Spring) would not start; the message is Spring's. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(Throwable cause) {
            super(messages(cause), cause);
        }

        /** Every message down the cause chain: Spring's own failure report is spread over them. */
        private static String messages(Throwable e) {
            StringBuilder text = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (!text.isEmpty()) {
                    text.append(" <- ");
                }
                text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            }
            return text.toString();
        }
    }

    /**
     * HikariCP's data source, except that naming a driver class does not load it: no JDBC driver is
     * on the test classpath, and the driver does not change any budget setting.
     */
    static final class BoundHikari extends HikariDataSource {
        private String driverClassName;

        @Override
        public void setDriverClassName(String driverClassName) {
            this.driverClassName = driverClassName;
        }
    }

    /** The application's only source: no beans, so the context starts in milliseconds. */
    static final class Empty {
    }
}
