package io.connlint.core.model;

import java.util.Optional;

/** Where a {@link Setting}'s value comes from. */
public sealed interface Origin {

    /** A human-readable description, e.g. {@code db/my.cnf:12:1} or {@code engine default for mysql-8.0}. */
    String describe();

    /** The file position, when the value was written in a file. */
    default Optional<SourceLocation> location() {
        return Optional.empty();
    }

    /** Written in a file of the project. */
    record InFile(SourceLocation at) implements Origin {
        @Override
        public String describe() {
            return at.toString();
        }

        @Override
        public Optional<SourceLocation> location() {
            return Optional.of(at);
        }
    }

    /** Passed on the server's command line, written in a file of the project (a compose file, a manifest). */
    record CommandLine(SourceLocation at) implements Origin {
        @Override
        public String describe() {
            return "command line at " + at;
        }

        @Override
        public Optional<SourceLocation> location() {
            return Optional.of(at);
        }
    }

    /** Not written anywhere: the engine (server or pool library) uses its own default. */
    record EngineDefault(String engine) implements Origin {
        @Override
        public String describe() {
            return "engine default for " + engine;
        }
    }

    /** Computed from other values; {@code formula} shows how. */
    record Derived(String formula) implements Origin {
        @Override
        public String describe() {
            return "derived: " + formula;
        }
    }

    /** Not known statically; connlint assumed the value for the reason given. */
    record Assumed(String why) implements Origin {
        @Override
        public String describe() {
            return "assumed: " + why;
        }
    }
}
