package io.connlint.core.read.mycnf;

import io.connlint.core.model.Note;
import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.ReadProblem;

import java.util.List;

/**
 * What reading one top-level option file (with its includes) gave.
 *
 * @param filesRead every file read, in read order (project-relative)
 * @param entries   option lines in the wanted groups, in the order mysqld would apply them
 * @param problems  lines mysqld would refuse, and files that cannot be read
 * @param notes     includes connlint could not follow and assumptions it made
 * @param ignored   option lines in groups the reader was not asked for (the server skips them silently)
 * @param issues    lines that make mysqld refuse to start (top-level structure errors, a missing
 *                  {@code !includedir}) and files or rests of files it skips
 */
public record OptionFiles(List<String> filesRead, List<OptionEntry> entries, List<ReadProblem> problems,
                          List<Note> notes, List<OptionEntry> ignored, List<OptionFileIssue> issues) {

    public OptionFiles {
        filesRead = List.copyOf(filesRead);
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        ignored = List.copyOf(ignored);
        issues = List.copyOf(issues);
    }
}
