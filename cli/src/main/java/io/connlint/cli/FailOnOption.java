package io.connlint.cli;

import io.connlint.core.check.FailOn;

import java.util.Iterator;

/** {@code --fail-on}'s values for completion: {@link FailOn}'s words. */
final class FailOnOption implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return FailOn.words().iterator();
    }
}
