package io.connlint.core.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextFileTest {

    @TempDir
    Path dir;

    @Test
    void dropsAByteOrderMark() throws Exception {
        Path f = dir.resolve("a.cnf");
        Files.write(f, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '[', 'x', ']'});
        assertEquals("[x]", TextFile.read(f, "a.cnf").text());
    }

    @Test
    void saysWhereUtf8Breaks() throws IOException {
        Path f = dir.resolve("b.cnf");
        Files.write(f, new byte[] {'a', '\n', 'b', 'c', (byte) 0xc3, '(', '\n'});
        TextFile.Unreadable e = assertThrows(TextFile.Unreadable.class, () -> TextFile.read(f, "b.cnf"));
        assertEquals("b.cnf:2:3", e.problem().at().toString());
        assertEquals("invalid UTF-8 at byte offset 4; expected UTF-8 text", e.problem().message());
    }

    @Test
    void refusesBinaryContent() throws IOException {
        Path f = dir.resolve("c.properties");
        Files.write(f, new byte[] {'x', '=', 0, 1});
        TextFile.Unreadable e = assertThrows(TextFile.Unreadable.class, () -> TextFile.read(f, "c.properties"));
        assertEquals("c.properties:1:3", e.problem().at().toString());
    }

    @Test
    void reportsAMissingFile() {
        TextFile.Unreadable e = assertThrows(TextFile.Unreadable.class,
                () -> TextFile.read(dir.resolve("none"), "none"));
        assertEquals("file does not exist", e.problem().message());
    }

    @Test
    void splitsCrLfLines() throws Exception {
        Path f = dir.resolve("d.cnf");
        Files.writeString(f, "[a]\r\nb=1\r\n");
        assertEquals(java.util.List.of("[a]", "b=1"), TextFile.read(f, "d.cnf").lines());
    }
}
