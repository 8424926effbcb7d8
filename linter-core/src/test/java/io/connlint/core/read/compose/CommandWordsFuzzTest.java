package io.connlint.core.read.compose;

import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.mycnf.ServerCommandLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written word splitting and flag reading are total: any text gives words, never an exception. */
class CommandWordsFuzzTest {

    private static final String ALPHABET = "ab-=_ \t\"'\\$${}()\n:0123456789";

    @Test
    void randomCommandsNeverThrow() {
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String text = b.toString();
            List<int[]> spans = ComposeFiles.split(text);
            int end = 0;
            for (int[] span : spans) {
                assertTrue(span[0] >= end && span[1] > span[0] && span[1] <= text.length(), text);
                end = span[1];
            }
            List<ServerCommandLine.Word> words = spans.stream()
                    .map(s -> new ServerCommandLine.Word(text.substring(s[0], s[1]), SourceLocation.startOf("f")))
                    .toList();
            ServerCommandLine.Result r = ServerCommandLine.read(words, "command");
            assertTrue(r.entries().size() <= words.size(), text);
        }
    }
}
