package io.connlint.maven;

import org.apache.maven.plugin.logging.Log;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The log and the annotations of a check, passed on as they come and remembered for the cache. */
final class Transcript {
    private final Log log;
    private final PrintStream annotations;
    private final List<CheckCache.Logged> logged = new ArrayList<>();
    private final List<String> annotated = new ArrayList<>();

    Transcript(Log log, PrintStream annotations) {
        this.log = log;
        this.annotations = annotations;
    }

    void log(char level, String text) {
        switch (level) {
            case 'E' -> log.error(text);
            case 'W' -> log.warn(text);
            default -> log.info(text);
        }
        logged.add(new CheckCache.Logged(level, text));
    }

    void annotate(String line) {
        annotations.println(line);
        annotated.add(line);
    }

    List<CheckCache.Logged> logged() {
        return List.copyOf(logged);
    }

    List<String> annotations() {
        return List.copyOf(annotated);
    }
}
