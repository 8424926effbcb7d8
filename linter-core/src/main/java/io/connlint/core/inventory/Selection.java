package io.connlint.core.inventory;

import java.util.List;
import java.util.Set;

/**
 * Which files of the project the inventory takes: not test sources (a test {@code my.cnf} under
 * {@code src/test/resources} is no part of the production server), not what connlint.yml's
 * {@code exclude:} names, and, when connlint.yml has {@code include:}, only what it names. Build
 * output and folders starting with {@code .} are never walked ({@code FileAccess.walk}).
 *
 * @param include when not empty, only files matching one of these are taken (they may lie in test folders)
 * @param exclude files and folders not taken
 */
public record Selection(List<Glob> include, List<Glob> exclude) {

    /** Folders of tests and their fixtures, by name, in any language's layout. */
    public static final Set<String> TEST_FOLDERS = Set.of("test", "tests", "spec", "specs", "fixtures", "testdata",
            "__tests__");

    /** Every production file: test folders and Maven's integration-test projects ({@code src/it}) left out. */
    public static final Selection DEFAULT = new Selection(List.of(), List.of());

    public Selection {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** Whether the walk enters a folder ({@code relative} to the root, {@code /}-separated). */
    public boolean entersFolder(String relative) {
        if (exclude.stream().anyMatch(g -> g.matches(relative))) {
            return false;
        }
        // an include: may reach into a test folder; without one, tests are not production
        return !include.isEmpty() || !isTestFolder(relative);
    }

    /** Whether the inventory takes a file ({@code relative} to the root, {@code /}-separated). */
    public boolean takes(String relative) {
        if (exclude.stream().anyMatch(g -> g.matches(relative) || g.matchesFolderOf(relative))) {
            return false;
        }
        if (!include.isEmpty()) {
            return include.stream().anyMatch(g -> g.matches(relative));
        }
        return !inTestFolder(relative);
    }

    /** True for a test folder: one of {@link #TEST_FOLDERS} by name, or {@code src/it}. */
    static boolean isTestFolder(String relative) {
        int slash = relative.lastIndexOf('/');
        String name = relative.substring(slash + 1);
        return TEST_FOLDERS.contains(name) || relative.equals("src/it") || relative.endsWith("/src/it");
    }

    private static boolean inTestFolder(String relative) {
        for (int slash = relative.indexOf('/'); slash > 0; slash = relative.indexOf('/', slash + 1)) {
            if (isTestFolder(relative.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }
}
