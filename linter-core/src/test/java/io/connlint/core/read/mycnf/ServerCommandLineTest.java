package io.connlint.core.read.mycnf;

import io.connlint.core.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerCommandLineTest {

    private static List<ServerCommandLine.Word> words(String... texts) {
        return Arrays.stream(texts).map(t -> new ServerCommandLine.Word(t, SourceLocation.startOf("compose.yaml")))
                .toList();
    }

    private static List<String> arguments(ServerCommandLine.Result r) {
        return r.entries().stream().map(OptionEntry::asArgument).toList();
    }

    @Test
    void readsEqualsAndSpaceSeparatedValuesAfterTheProgram() {
        var r = ServerCommandLine.read(words("mysqld", "--max-connections=500", "--max_connections", "600",
                "--wait-timeout=120", "--skip-name-resolve"), "command");
        assertEquals(List.of("--max-connections=500", "--max_connections=600", "--wait-timeout=120",
                "--skip-name-resolve"), arguments(r));
        assertEquals(ServerCommandLine.GROUP, r.entries().get(0).group());
        assertTrue(r.notes().isEmpty(), r.notes().toString());
    }

    @Test
    void aYesNoOptionDoesNotTakeTheNextWord() {
        var r = ServerCommandLine.read(words("--performance-schema", "--max-connections=5"), "command");
        assertEquals(List.of("--performance-schema", "--max-connections=5"), arguments(r));
    }

    @Test
    void variablesWithoutDefaultAreSkippedWithANote() {
        var r = ServerCommandLine.read(words("--max-connections=${MAX:-300}", "--max-allowed-packet=$PACKET",
                "$ADDITIONAL_CONF", "--wait-timeout=$(TIMEOUT)", "--innodb-log-file-size=$$1"), "command");
        assertEquals(List.of("--max-connections=300", "--innodb-log-file-size=$1"), arguments(r));
        assertEquals(3, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).text().contains("--max-allowed-packet=$PACKET"), r.notes().toString());
    }

    @Test
    void anotherProgramIsNotRead() {
        var r = ServerCommandLine.read(words("bash", "-c", "mysqld --max-connections=5"), "the command of service db");
        assertTrue(r.entries().isEmpty());
        assertEquals("the command of service db runs 'bash', not mysqld: its flags are not read",
                r.notes().get(0).text());
    }

    @Test
    void substitution() {
        assertEquals(Optional.of("a$b"), ServerCommandLine.substitute("a$$b"));
        assertEquals(Optional.of("10"), ServerCommandLine.substitute("${N-10}"));
        assertEquals(Optional.empty(), ServerCommandLine.substitute("${N}"));
    }
}
