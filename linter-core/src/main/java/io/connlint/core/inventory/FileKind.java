package io.connlint.core.inventory;

import java.util.Locale;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * A kind of input file the inventory recognises by its name (and, where the format needs it, the
 * folder it is in). Each input format registers one in {@link FileKinds#ALL}.
 *
 * @param id         a short name, for messages and tests
 * @param recognises given the file's name in lower case and the name of its folder (empty at the root)
 */
public record FileKind(String id, BiPredicate<String, String> recognises) {

    public FileKind {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recognises, "recognises");
    }

    /** Whether a file of this name, in a folder of this name, is of this kind. */
    public boolean recognises(String fileName, String folderName) {
        return recognises.test(fileName.toLowerCase(Locale.ROOT), folderName);
    }

    @Override
    public String toString() {
        return id;
    }
}
