package io.connlint.core.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Python samples, tokens and hostile shapes for the settings readers' fuzz tests. */
final class Pythons {

    static final List<String> SEEDS = List.of("""
            import os
            import dj_database_url
            from .base import *

            DEBUG = os.environ.get("DEBUG", "0") == "1"
            DATABASES = {
                "default": {
                    "ENGINE": "django.db.backends.mysql",
                    "NAME": os.getenv("DB_NAME", "app"),
                    "HOST": os.environ.get("DB_HOST", "db"),
                    "PORT": int(os.environ.get("DB_PORT", 3306)),
                    "CONN_MAX_AGE": 60 * 10,
                    "CONN_HEALTH_CHECKS": True,
                    "OPTIONS": {"read_default_file": "/etc/mysql/my.cnf", "charset": "utf8mb4"},
                },
                'replica': dj_database_url.config(default='mysql://u:p@replica:3306/app', conn_max_age=600),
            }
            DATABASES["default"]["CONN_MAX_AGE"] = None
            DATABASES.update({"other": dj_database_url.parse(os.environ["OTHER_URL"])})
            """, """
            import environ
            env = environ.Env(DEBUG=(bool, False))
            environ.Env.read_env()
            DATABASES = {'default': env.db('DATABASE_URL', default='mysql://root@localhost/db')}
            DATABASES['default']['CONN_MAX_AGE'] = env.int('CONN_MAX_AGE', default=60)
            if not DEBUG:
                DATABASES['default'].setdefault('OPTIONS', {})['connect_timeout'] = 5
            for alias in ['a', 'b']:
                DATABASES[alias] = dict(DATABASES['default'], NAME=f"db_{alias}")
            """);

    static final List<String> DICTIONARY = List.of("DATABASES", "=", "{", "}", "[", "]", "(", ")", ":", ",", ".", "'",
            "\"", "'''", "\"\"\"", "f\"", "f'{x}'", "r'\\'", "b''", "\\", "#", "\n    ", "\t", "if", "else", "elif", "for",
            "in", "while", "def", "class", "return", "lambda", "import", "from", "from .base import *",
            "from . import *", "from .missing import *", "import os", "os.environ", "os.environ.get(", "os.getenv(",
            "int(", "str(", "bool(", "dict(", ".update(", ".setdefault(", "dj_database_url.config(",
            "dj_database_url.parse(", "env.db(", "environ.Env(", "'default'", "'ENGINE'",
            "'django.db.backends.mysql'", "'CONN_MAX_AGE'", "'CONN_HEALTH_CHECKS'", "'OPTIONS'", "'HOST'", "'PORT'",
            "None", "True", "False", "**", "*", "+", "-", "//", "%", "<<", "not", "and", "or", "is", "await", "async",
            "yield", "global", "nonlocal", "del", "with", "as", "try:", "except:", "finally:", "raise", "pass",
            "__import__('os').system('touch /tmp/connlint-fuzz-pwned')", "exec(", "eval(", "open(", "globals()",
            "10 ** 10 ** 10", "'x' * 10 ** 9", "[0] * 10 ** 9", "9" .repeat(30), "1e308 * 10", "0x", "0b2", "1_", "\\N{",
            "@decorator", "match x:", "case _:", ":=", "...", ";", "\\\n");

    private Pythons() {
    }

    /** Modules the settings may import. */
    static void fixtures(Path dir) throws IOException {
        ReaderFuzz.write(dir, "mysite/__init__.py", new byte[0]);
        ReaderFuzz.write(dir, "mysite/base.py", Mutator.bytes("DATABASES = {'default': {'ENGINE': "
                + "'django.db.backends.mysql', 'HOST': 'db', 'CONN_MAX_AGE': 30}}\n"));
    }

    static String hostile(int variant, int size) {
        return switch (variant % 12) {
            case 0 -> "DATABASES = " + "[".repeat(size) + "]".repeat(size) + "\n";
            case 1 -> "DATABASES = " + "(".repeat(size) + "1" + ")".repeat(size) + "\n";
            case 2 -> "DATABASES = {'default': " + "{'a': ".repeat(size) + "1" + "}".repeat(size) + "}\n";
            case 3 -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < Math.min(size, 400); i++) {
                    sb.append("    ".repeat(i)).append("if x:\n");
                }
                yield sb.append("    ".repeat(Math.min(size, 400))).append("DATABASES = {}\n").toString();
            }
            case 4 -> "x = 1\n" + "x = x + x\n".repeat(Math.min(size, 2000)) + "DATABASES = {'default': {'CONN_MAX_AGE': x}}\n";
            case 5 -> "x = 'a'\n" + "x = x + x\n".repeat(Math.min(size, 200)) + "DATABASES = {'default': {'NAME': x}}\n";
            case 6 -> "while True:\n    pass\nDATABASES = {}\n";
            case 7 -> "def f(n):\n    return f(n + 1)\nDATABASES = {'default': {'CONN_MAX_AGE': f(0)}}\n";
            case 8 -> "from .settings import *\nfrom mysite.settings import *\n".repeat(Math.min(size, 50));
            case 9 -> "DATABASES = {'default': {'CONN_MAX_AGE': " + "-".repeat(size) + "1}}\n";
            case 10 -> "x = [1]\nfor i in range(10**9):\n    x = x + x\nDATABASES = {}\n";
            default -> "DATABASES = {'default': {'CONN_MAX_AGE': 2 ** " + size + " ** " + size + "}}\n";
        };
    }
}
