package io.connlint.core.fuzz;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.read.django.DjangoSettings;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.python.PythonModule;
import io.connlint.core.read.python.PythonReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Django settings modules: PythonReader (parsed, never run) and DjangoSettings' DATABASES. */
class DjangoFuzzTest extends PythonFuzz {

    @Override
    String reader() {
        return "django";
    }

    @Override
    List<ReadProblem> read(Path dir, Seed seed, byte[] input) throws Exception {
        Path file = write(dir, "mysite/settings.py", input);
        ProjectPaths paths = new ProjectPaths(dir, Map.of());
        PythonModule module = PythonReader.read(file, Map.of("DATABASE_URL", "mysql://u:p@db:3306/app"), paths);
        DjangoSettings.Result django = DjangoSettings.read("app", module, paths, input.length % 2 == 0);
        List<ReadProblem> problems = new ArrayList<>(module.problems());
        problems.addAll(django.problems());
        return problems;
    }
}
