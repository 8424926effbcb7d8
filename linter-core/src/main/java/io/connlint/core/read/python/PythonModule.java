package io.connlint.core.read.python;

import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;

import java.util.List;
import java.util.Map;

/**
 * A Python module read statically.
 *
 * @param path       project-relative path of the module read
 * @param namespace  the module's names after its last statement, in assignment order
 * @param assignedAt where each top-level name was last assigned (the target's position)
 * @param filesRead  the module and every module it imported from the project, in read order
 * @param notes      what could not be known and what was assumed (CL704)
 * @param problems   what could not be parsed: file, line, column (CL900); the rest of the file is
 *                   still read, statement by statement
 */
public record PythonModule(String path, Map<String, PyValue> namespace, Map<String, SourceLocation> assignedAt,
                           List<String> filesRead, List<Note> notes, List<ReadProblem> problems) {
}
