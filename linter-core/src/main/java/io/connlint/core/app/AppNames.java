package io.connlint.core.app;

import java.nio.file.Path;
import java.util.List;

/**
 * What discovery calls an app: its build module (Maven reactor), else the folder above
 * {@code src}, else the file's folder.
 *
 * @param root        the project root
 * @param moduleRoots the build modules under it
 */
public record AppNames(Path root, List<Path> moduleRoots) {

    public AppNames {
        moduleRoots = List.copyOf(moduleRoots);
    }

    /** The app a configuration file belongs to. */
    public String of(Path file) {
        Path best = null;
        for (Path module : moduleRoots) {
            if (file.startsWith(module) && !module.equals(root)
                    && (best == null || module.getNameCount() > best.getNameCount())) {
                best = module;
            }
        }
        if (best != null) {
            return best.getFileName().toString();
        }
        Path rel = root.relativize(file);
        for (int i = 0; i < rel.getNameCount(); i++) {
            if (rel.getName(i).toString().equals("src") && i > 0) {
                return rel.getName(i - 1).toString();
            }
        }
        Path parent = rel.getParent();
        return parent != null ? parent.getFileName().toString()
                : file.getFileName().toString().replaceFirst("\\.properties$", "");
    }

    /** A Django project is named by its package: {@code mysite/settings.py}, {@code mysite/settings/prod.py}. */
    public String ofPythonPackage(Path settings) {
        Path dir = settings.getParent();
        if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("settings")) {
            dir = dir.getParent();
        }
        if (dir == null || dir.equals(root) || dir.getFileName() == null) {
            return of(settings);
        }
        return dir.getFileName().toString();
    }
}
