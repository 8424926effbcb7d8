package io.connlint.core.read.python;

import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.python.Ast.BoolLit;
import io.connlint.core.read.python.Ast.ExprStmt;
import io.connlint.core.read.python.Ast.FloatLit;
import io.connlint.core.read.python.Ast.IntLit;
import io.connlint.core.read.python.Ast.NoneLit;
import io.connlint.core.read.python.Ast.StrLit;
import io.connlint.core.read.python.Ast.Unary;
import io.connlint.core.read.python.PyValue.PyBool;
import io.connlint.core.read.python.PyValue.PyDict;
import io.connlint.core.read.python.PyValue.PyFloat;
import io.connlint.core.read.python.PyValue.PyInt;
import io.connlint.core.read.python.PyValue.PyNone;
import io.connlint.core.read.python.PyValue.PyStr;
import io.connlint.core.read.python.PyValue.PyUnknown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Database URLs as dj-database-url and django-environ turn them into a {@code DATABASES} entry,
 * with Python's {@code urllib.parse} underneath (urlsplit, the netloc properties, unquote,
 * parse_qs).
 */
final class DatabaseUrls {

    private DatabaseUrls() {
    }

    /** dj_database_url/__init__.py SCHEMES (jazzband/dj-database-url, 2024-2026). */
    static final Map<String, String> DJ_DATABASE_URL_SCHEMES = Map.ofEntries(
            Map.entry("postgres", "django.db.backends.postgresql"),
            Map.entry("postgresql", "django.db.backends.postgresql"),
            Map.entry("pgsql", "django.db.backends.postgresql"),
            Map.entry("postgis", "django.contrib.gis.db.backends.postgis"),
            Map.entry("mongodb", "django_mongodb"),
            Map.entry("mongodb+srv", "django_mongodb"),
            Map.entry("mysql", "django.db.backends.mysql"),
            Map.entry("mysql2", "django.db.backends.mysql"),
            Map.entry("mysqlgis", "django.contrib.gis.db.backends.mysql"),
            Map.entry("mysql-connector", "mysql.connector.django"),
            Map.entry("mssql", "sql_server.pyodbc"),
            Map.entry("mssqlms", "mssql"),
            Map.entry("spatialite", "django.contrib.gis.db.backends.spatialite"),
            Map.entry("sqlite", "django.db.backends.sqlite3"),
            Map.entry("oracle", "django.db.backends.oracle"),
            Map.entry("oraclegis", "django.contrib.gis.db.backends.oracle"),
            Map.entry("redshift", "django_redshift_backend"),
            Map.entry("cockroach", "django_cockroachdb"),
            Map.entry("timescale", "timescale.db.backends.postgresql"),
            Map.entry("timescalegis", "timescale.db.backends.postgis"));

    private static final Set<String> SCHEMES_WITH_SEARCH_PATH = Set.of("postgres", "postgresql", "pgsql", "postgis",
            "redshift", "timescale", "timescalegis");

    /** environ/environ.py Env.DB_SCHEMES (joke2k/django-environ 0.11-0.12). */
    static final Map<String, String> ENVIRON_SCHEMES = Map.ofEntries(
            Map.entry("postgres", "django.db.backends.postgresql"),
            Map.entry("postgresql", "django.db.backends.postgresql"),
            Map.entry("psql", "django.db.backends.postgresql"),
            Map.entry("pgsql", "django.db.backends.postgresql"),
            Map.entry("postgis", "django.contrib.gis.db.backends.postgis"),
            Map.entry("prometheus-postgresql", "django_prometheus.db.backends.postgresql"),
            Map.entry("prometheus-postgis", "django_prometheus.db.backends.postgis"),
            Map.entry("cockroachdb", "django_cockroachdb"),
            Map.entry("mysql", "django.db.backends.mysql"),
            Map.entry("mysql2", "django.db.backends.mysql"),
            Map.entry("mysql-connector", "mysql.connector.django"),
            Map.entry("mysqlgis", "django.contrib.gis.db.backends.mysql"),
            Map.entry("prometheus-mysql", "django_prometheus.db.backends.mysql"),
            Map.entry("mssql", "mssql"),
            Map.entry("oracle", "django.db.backends.oracle"),
            Map.entry("pyodbc", "sql_server.pyodbc"),
            Map.entry("redshift", "django_redshift_backend"),
            Map.entry("spatialite", "django.contrib.gis.db.backends.spatialite"),
            Map.entry("prometheus-spatialite", "django_prometheus.db.backends.spatialite"),
            Map.entry("sqlite", "django.db.backends.sqlite3"),
            Map.entry("prometheus-sqlite", "django_prometheus.db.backends.sqlite3"),
            Map.entry("ldap", "ldapdb.backends.ldap"));

    private static final Set<String> ENVIRON_POSTGRES_FAMILY = Set.of("postgres", "postgresql", "psql", "pgsql", "postgis",
            "prometheus-postgresql", "prometheus-postgis");

    /** environ Env._DB_BASE_OPTIONS: query parameters that become top-level keys. */
    static final List<String> ENVIRON_BASE_OPTIONS = List.of("CONN_MAX_AGE", "ATOMIC_REQUESTS", "AUTOCOMMIT",
            "DISABLE_SERVER_SIDE_CURSORS", "CONN_HEALTH_CHECKS");

    /** The keyword arguments of dj_database_url.config/parse, as values (never null). */
    record DjOptions(PyValue engine, PyValue connMaxAge, PyValue connHealthChecks, PyValue disableServerSideCursors,
                     PyValue sslRequire, PyValue testOptions) {
    }

    /** An alias whose URL is not known: its connection fields are unknown for that reason. */
    private static PyDict unknownConnection(String reason, SourceLocation at) {
        PyDict d = PyDict.empty(at);
        for (String key : List.of("NAME", "USER", "PASSWORD", "HOST", "PORT")) {
            d.entries().put(key, new PyUnknown(reason, at));
        }
        return d;
    }

    // ---- dj-database-url ----

    /**
     * dj_database_url.parse for a known URL, or the production case of an unknown one: the
     * connection fields unknown with the reason, the pool fields from the keywords.
     */
    static PyValue djDatabaseUrl(PyValue url, DjOptions o, SourceLocation at) {
        if (url instanceof PyStr s) {
            return djParse(s.value(), s.at(), o, at);
        }
        String reason = Values.reasonOf(url);
        PyDict d = unknownConnection(reason, at);
        d.entries().put("CONN_MAX_AGE", o.connMaxAge());
        d.entries().put("CONN_HEALTH_CHECKS", o.connHealthChecks());
        d.entries().put("DISABLE_SERVER_SIDE_CURSORS", o.disableServerSideCursors());
        d.entries().put("ENGINE", o.engine() instanceof PyNone ? new PyUnknown(reason, at) : o.engine());
        if (Boolean.TRUE.equals(Values.truthy(o.testOptions()))) {
            d.entries().put("TEST", o.testOptions());
        }
        d.entries().put("OPTIONS", new PyUnknown("the query parameters of the URL are not known: " + reason, at));
        return d;
    }

    private static PyValue djParse(String url, SourceLocation urlAt, DjOptions o, SourceLocation at) {
        String sqlite = "django.db.backends.sqlite3";
        if (url.equals("sqlite://:memory:")) {
            PyDict d = PyDict.empty(at);
            d.entries().put("ENGINE", new PyStr(sqlite, urlAt));
            d.entries().put("NAME", new PyStr(":memory:", urlAt));
            return d;
        }
        UrlParse.Split split = UrlParse.Split.of(url);
        if (split == null) {
            return new PyUnknown("dj-database-url cannot parse the database URL (ValueError: Invalid IPv6 URL)", urlAt);
        }
        String path = split.path().isEmpty() ? "" : split.path().substring(1);
        if (split.scheme().equals("sqlite") && path.isEmpty()) {
            path = ":memory:";
        }
        String hostname = split.hostname() == null ? "" : split.hostname();
        if (hostname.contains("%")) {
            hostname = split.netloc();
            if (hostname.contains("@")) {
                hostname = hostname.substring(hostname.lastIndexOf('@') + 1);
            }
            hostname = UrlParse.unquote(hostname);
        }
        PyValue engine = o.engine();
        if (engine instanceof PyNone) {
            String mapped = DJ_DATABASE_URL_SCHEMES.get(split.scheme());
            if (mapped == null) {
                return new PyUnknown("dj-database-url does not support the scheme '" + split.scheme()
                        + "' (ValueError when the settings load)", urlAt);
            }
            engine = new PyStr(mapped, urlAt);
        }
        Object port = split.port();
        if (port instanceof String error) {
            return new PyUnknown("the database URL's port is not valid (ValueError: " + error + ")", urlAt);
        }
        PyValue portValue;
        Long portNumber = (Long) port;
        String engineName = engine instanceof PyStr es ? es.value() : "";
        if (portNumber == null || portNumber == 0) {
            portValue = new PyStr("", urlAt);
        } else if (Set.of("django.db.backends.oracle", "sql_server.pyodbc", "mssql").contains(engineName)) {
            portValue = new PyStr(Long.toString(portNumber), urlAt);
        } else {
            portValue = new PyInt(portNumber, urlAt);
        }
        PyDict d = PyDict.empty(at);
        d.entries().put("NAME", new PyStr(UrlParse.unquote(path), urlAt));
        d.entries().put("USER", new PyStr(UrlParse.unquote(split.username() == null ? "" : split.username()), urlAt));
        d.entries().put("PASSWORD", new PyStr(UrlParse.unquote(split.password() == null ? "" : split.password()), urlAt));
        d.entries().put("HOST", new PyStr(hostname, urlAt));
        d.entries().put("PORT", portValue);
        d.entries().put("CONN_MAX_AGE", o.connMaxAge());
        d.entries().put("CONN_HEALTH_CHECKS", o.connHealthChecks());
        d.entries().put("DISABLE_SERVER_SIDE_CURSORS", o.disableServerSideCursors());
        d.entries().put("ENGINE", engine);
        if (Boolean.TRUE.equals(Values.truthy(o.testOptions()))) {
            d.entries().put("TEST", o.testOptions());
        }
        PyDict options = PyDict.empty(urlAt);
        for (Map.Entry<String, List<String>> e : UrlParse.parseQs(split.query()).entrySet()) {
            String value = e.getValue().get(e.getValue().size() - 1);
            if (split.scheme().equals("mysql") && e.getKey().equals("ssl-ca")) {
                PyDict ssl = PyDict.empty(urlAt);
                ssl.entries().put("ca", new PyStr(value, urlAt));
                options.entries().put("ssl", ssl);
                continue;
            }
            options.entries().put(e.getKey(), djOptionValue(value, urlAt));
        }
        Boolean ssl = Values.truthy(o.sslRequire());
        if (ssl == null) {
            d.entries().put("OPTIONS", new PyUnknown("ssl_require is not known: " + Values.reasonOf(o.sslRequire()), at));
            return d;
        }
        if (ssl) {
            options.entries().put("sslmode", new PyStr("require", o.sslRequire().at()));
        }
        if (options.entries().containsKey("currentSchema") && SCHEMES_WITH_SEARCH_PATH.contains(split.scheme())) {
            PyValue schema = options.entries().remove("currentSchema");
            options.entries().put("options", new PyStr("-c search_path=" + Values.str(schema), urlAt));
        }
        if (!options.entries().isEmpty()) {
            d.entries().put("OPTIONS", options);
        }
        return d;
    }

    private static PyValue djOptionValue(String value, SourceLocation at) {
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return integer(value, at);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return new PyBool(lower.equals("true"), at);
        }
        return new PyStr(value, at);
    }

    private static PyValue integer(String digits, SourceLocation at) {
        try {
            return new PyInt(Long.parseLong(digits), at);
        } catch (NumberFormatException e) {
            return new PyUnknown("the integer " + digits + " is beyond 64 bits", at);
        }
    }

    // ---- django-environ ----

    /** Env.db_url_config for a known URL, or for an unknown one the fields unknown with the reason. */
    static PyValue environ(PyValue url, PyValue engine, SourceLocation at) {
        if (url instanceof PyStr s) {
            return environParse(s.value(), s.at(), engine, at);
        }
        String reason = Values.reasonOf(url);
        PyDict d = unknownConnection(reason, at);
        String fromQuery = "django-environ takes it from the URL's query string, and the URL is not known: " + reason;
        d.entries().put("CONN_MAX_AGE", new PyUnknown(fromQuery, at));
        d.entries().put("CONN_HEALTH_CHECKS", new PyUnknown(fromQuery, at));
        d.entries().put("OPTIONS", new PyUnknown(fromQuery, at));
        d.entries().put("ENGINE", engine instanceof PyStr ? engine : new PyUnknown(reason, at));
        return d;
    }

    private static PyValue environParse(String url, SourceLocation urlAt, PyValue engine, SourceLocation at) {
        if (url.equals("sqlite://:memory:")) {
            PyDict d = PyDict.empty(at);
            d.entries().put("ENGINE", new PyStr("django.db.backends.sqlite3", urlAt));
            d.entries().put("NAME", new PyStr(":memory:", urlAt));
            return d;
        }
        UrlParse.Split split = UrlParse.Split.of(url);
        if (split == null) {
            return new PyUnknown("django-environ cannot parse the database URL (an invalid IPv6 address)", urlAt);
        }
        String path = split.path().isEmpty() ? "" : split.path().substring(1);
        int q = path.indexOf('?');
        path = UrlParse.unquote(path.substring(0, q < 0 ? path.length() : q).replace('+', ' '));
        if (split.scheme().equals("sqlite") && path.isEmpty()) {
            path = ":memory:";
        }
        String netloc = split.netloc();
        String dbNetloc = UrlParse.unquote(netloc.substring(netloc.lastIndexOf('@') + 1));
        PyValue host;
        PyValue port;
        if (ENVIRON_POSTGRES_FAMILY.contains(split.scheme()) && dbNetloc.contains(",")) {
            List<String> hosts = new ArrayList<>();
            List<String> ports = new ArrayList<>();
            for (String h : dbNetloc.split(",", -1)) {
                int colon = h.lastIndexOf(':');
                if (!h.startsWith("[") && colon >= 0 && !h.substring(colon + 1).isEmpty()
                        && h.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
                    hosts.add(h.substring(0, colon));
                    ports.add(h.substring(colon + 1));
                } else {
                    hosts.add(h);
                }
            }
            host = new PyStr(String.join(",", hosts), urlAt);
            port = new PyStr(String.join(",", ports), urlAt);
        } else {
            Object p = split.port();
            if (p instanceof String error) {
                return new PyUnknown("the database URL's port is not valid (ValueError: " + error + ")", urlAt);
            }
            host = new PyStr(split.hostname() == null ? "" : split.hostname(), urlAt);
            port = p == null || (Long) p == 0 ? new PyStr("", urlAt) : new PyInt((Long) p, urlAt);
        }
        PyDict d = PyDict.empty(at);
        d.entries().put("NAME", new PyStr(path, urlAt));
        d.entries().put("USER", new PyStr(split.username() == null ? "" : UrlParse.unquote(split.username()), urlAt));
        d.entries().put("PASSWORD", new PyStr(split.password() == null ? "" : UrlParse.unquote(split.password()), urlAt));
        d.entries().put("HOST", host);
        d.entries().put("PORT", port);
        if ((ENVIRON_POSTGRES_FAMILY.contains(split.scheme()) && path.startsWith("/"))
                || (path.contains("cloudsql") && path.startsWith("/"))) {
            int slash = path.lastIndexOf('/');
            d.entries().put("HOST", new PyStr(path.substring(0, slash), urlAt));
            d.entries().put("NAME", new PyStr(path.substring(slash + 1), urlAt));
        }
        if (split.scheme().equals("oracle")) {
            if (path.isEmpty()) {
                d.entries().put("NAME", new PyStr(UrlParse.unquote(Values.str(d.entries().get("HOST"))), urlAt));
                d.entries().put("HOST", new PyStr("", urlAt));
            }
            if (Boolean.FALSE.equals(Values.truthy(d.entries().get("PORT")))) {
                d.entries().remove("PORT");
            } else {
                d.entries().put("PORT", new PyStr(Values.str(d.entries().get("PORT")), urlAt));
            }
        }
        if (!split.query().isEmpty()) {
            PyDict options = PyDict.empty(urlAt);
            for (Map.Entry<String, List<String>> e : UrlParse.parseQs(split.query()).entrySet()) {
                String key = e.getKey();
                String value = e.getValue().get(0);
                String upper = key.toUpperCase(Locale.ROOT);
                if (ENVIRON_BASE_OPTIONS.contains(upper)) {
                    d.entries().put(upper, literalEval(value, urlAt));
                } else {
                    options.entries().put(key, !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')
                            ? integer(value, urlAt) : new PyStr(value, urlAt));
                }
            }
            d.entries().put("OPTIONS", options);
        }
        PyValue engineValue = engine instanceof PyStr es && !es.value().isEmpty() ? engine : new PyStr(split.scheme(), urlAt);
        String name = ((PyStr) engineValue).value();
        if (ENVIRON_SCHEMES.containsKey(name)) {
            engineValue = new PyStr(ENVIRON_SCHEMES.get(name), engineValue.at());
        }
        if (((PyStr) engineValue).value().isEmpty()) {
            return PyDict.empty(at);
        }
        d.entries().put("ENGINE", engineValue);
        return d;
    }

    /** {@code ast.literal_eval} for the scalars a query string carries; the string itself otherwise. */
    static PyValue literalEval(String value, SourceLocation at) {
        String source = value.replaceFirst("^[ \t]+", "");
        Parser.Result parsed = Parser.parse(source, "<literal>");
        if (parsed.problems().isEmpty() && parsed.statements().size() == 1
                && parsed.statements().get(0) instanceof ExprStmt stmt) {
            Ast.Expr e = stmt.value();
            boolean negative = false;
            if (e instanceof Unary u && (u.op().equals("-") || u.op().equals("+"))
                    && (u.operand() instanceof IntLit || u.operand() instanceof FloatLit)) {
                negative = u.op().equals("-");
                e = u.operand();
            }
            if (e instanceof IntLit i) {
                return new PyInt(negative ? -i.value() : i.value(), at);
            } else if (e instanceof FloatLit f) {
                return new PyFloat(negative ? -f.value() : f.value(), at);
            } else if (e instanceof StrLit s && !negative) {
                return new PyStr(s.value(), at);
            } else if (e instanceof BoolLit b && !negative) {
                return new PyBool(b.value(), at);
            } else if (e instanceof NoneLit && !negative) {
                return new PyNone(at);
            }
        }
        return new PyStr(value, at);
    }
}
