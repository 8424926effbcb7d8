package io.connlint.core.read;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A configuration file's text, decoded as UTF-8, with a leading BOM removed. Files that are too
 * large, binary or not UTF-8 are refused with a {@link ReadProblem} saying where.
 *
 * @param path project-relative path, for locations
 * @param text the text
 */
public record TextFile(String path, String text) {

    /** Larger files are not configuration; reading them would only cost memory. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** Thrown when a file cannot be read; carries the finding-ready problem. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ReadProblem problem;

        public Unreadable(ReadProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        public ReadProblem problem() {
            return problem;
        }
    }

    public static TextFile read(Path file, String displayPath) throws Unreadable {
        SourceLocation start = SourceLocation.startOf(displayPath);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new Unreadable(ReadProblem.unreadable(start,
                        "file is " + size + " bytes, over the limit of " + MAX_BYTES + " bytes for a configuration file"));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Unreadable(ReadProblem.unreadable(start, "file does not exist"));
        } catch (IOException e) {
            throw new Unreadable(ReadProblem.unreadable(start, "cannot read file: " + describe(e)));
        }
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            offset = 3;
        }
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new Unreadable(ReadProblem.unreadable(locate(bytes, offset, i, displayPath),
                        "binary content (a NUL byte at byte offset " + i + "); expected a text configuration file"));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return new TextFile(displayPath, decoder.decode(buffer).toString());
        } catch (MalformedInputException e) {
            int bad = findInvalidUtf8(bytes, offset);
            throw new Unreadable(ReadProblem.unreadable(locate(bytes, offset, bad, displayPath),
                    "invalid UTF-8 at byte offset " + bad + "; expected UTF-8 text"));
        } catch (CharacterCodingException e) {
            throw new Unreadable(ReadProblem.unreadable(start, "cannot decode as UTF-8: " + e.getMessage()));
        }
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + " " + e.getMessage();
    }

    /** The offset of the first byte that does not begin a valid UTF-8 sequence. */
    private static int findInvalidUtf8(byte[] bytes, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    /** Line and column (in characters) of a byte offset, counting lines in the valid prefix. */
    private static SourceLocation locate(byte[] bytes, int from, int badOffset, String displayPath) {
        String prefix = new String(bytes, from, Math.max(0, badOffset - from), StandardCharsets.UTF_8);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < prefix.length(); i++) {
            if (prefix.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(displayPath, line, prefix.length() - lineStart + 1);
    }

    /**
     * The file's lines without their terminators ({@code \n}, {@code \r\n} or a lone {@code \r}).
     */
    public java.util.List<String> lines() {
        return text.lines().toList();
    }
}
