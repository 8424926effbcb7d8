package io.connlint.core.read.python;

import io.connlint.core.read.mycnf.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN.md "Bad input": Python configuration is parsed, never run. A settings module whose
 * execution would create files, in every way Python offers, is read and creates nothing.
 */
class NeverExecutesTest {

    @TempDir
    Path temp;

    @Test
    void readingSettingsThatWouldCreateFilesCreatesNone() throws IOException {
        Path project = temp.resolve("project");
        Path victims = temp.resolve("victims");
        Files.createDirectories(project.resolve("config"));
        Files.createDirectories(victims);
        List<Path> targets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            targets.add(victims.resolve("pwned-" + i));
        }
        String[] t = targets.stream().map(Path::toString).toArray(String[]::new);
        String settings = """
                import os, pathlib, subprocess, shutil, importlib
                from pathlib import Path
                from os import system as run
                from .helper import *

                open("%s", "w").write("x")
                pathlib.Path("%s").touch()
                os.system("touch %s")
                __import__("os").system("touch %s")
                exec("open('%s', 'w').write('x')")
                eval("__import__('os').system('touch %s')")
                subprocess.run(["touch", "%s"], check=True)
                os.makedirs("%s")
                with open("%s", "w") as f:
                    f.write("x")
                shutil.copy(__file__, "%s")
                run("touch %s")
                Path("%s").write_text("x")
                importlib.import_module("os").system("touch %s")
                globals()["__builtins__"].open("%s", "w")
                TOUCH = [open(p, "w") for p in ["%s"]]


                @atexit_register(lambda: os.system("touch %s"))
                def hook(server=os.system("touch %s")):
                    os.system("touch %s")


                class Settings:
                    open("%s", "w")


                DATABASES = {"default": {"ENGINE": "django.db.backends.mysql", "CONN_MAX_AGE": 60}}
                """.formatted(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12], t[13],
                t[14], t[15], t[0], t[1], t[2], t[3]);
        Files.writeString(project.resolve("config/settings.py"), settings, StandardCharsets.UTF_8);
        Files.writeString(project.resolve("config/helper.py"), "import os\nos.system('touch " + t[4] + "')\nHELPER = 1\n",
                StandardCharsets.UTF_8);

        PythonModule m = PythonReader.read(project.resolve("config/settings.py"), Map.of(),
                new ProjectPaths(project, Map.of()));

        try (var created = Files.list(victims)) {
            assertEquals(List.of(), created.toList(), "reading the settings must not create any file");
        }
        for (Path target : targets) {
            assertFalse(Files.exists(target), target::toString);
        }
        assertEquals(List.of(), m.problems(), "the module is valid Python");
        assertEquals("60", Expectations.navigate(m, "DATABASES.default.CONN_MAX_AGE").rendered());
        assertEquals("1", Expectations.navigate(m, "HELPER").rendered());
        assertEquals(List.of("config/settings.py", "config/helper.py"), m.filesRead());
        assertTrue(Expectations.navigate(m, "TOUCH").rendered().startsWith("unknown("));
    }

    @Test
    void importsOutsideTheProjectAreNotRead() throws IOException {
        Path project = temp.resolve("project");
        Files.createDirectories(project);
        Path outside = temp.resolve("secrets.py");
        Files.writeString(outside, "SECRET = 'outside'\n", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("settings.py"), "from .secrets import SECRET\nfrom ..secrets import *\n",
                StandardCharsets.UTF_8);
        PythonModule m = PythonReader.read(project.resolve("settings.py"), Map.of(), new ProjectPaths(project, Map.of()));
        assertEquals(List.of("settings.py"), m.filesRead());
        assertTrue(Expectations.navigate(m, "SECRET").rendered().startsWith("unknown("));
    }
}
