package io.connlint.core.app;

import io.connlint.core.inventory.FileKind;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The registration list of application formats, in the order discovery reads their apps and an
 * app's pools are listed. A new format (Quarkus, Micronaut, SQLAlchemy, …) adds one line here.
 */
public final class AppFormats {

    /** Every format. */
    public static final List<AppFormat> ALL = List.of(new HikariPropertiesApps(), new SpringBootApps(),
            new DjangoApps());

    private AppFormats() {
    }

    /** The kinds of file every format has discovery look for. */
    public static List<FileKind> fileKinds() {
        return ALL.stream().flatMap(f -> f.fileKinds().stream()).toList();
    }

    /** The format of a file connlint.yml names for an app: the first that reads it. */
    public static Optional<AppFormat> of(Path file) {
        return ALL.stream().filter(f -> f.reads(file)).findFirst();
    }
}
