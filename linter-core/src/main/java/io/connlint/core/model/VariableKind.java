package io.connlint.core.model;

/** How a server variable's value is written and normalised. */
public enum VariableKind {
    /** A number of things (connections, files, threads). */
    COUNT,
    /** Seconds, as the server stores them. */
    SECONDS,
    /** Bytes; K/M/G suffixes allowed. */
    BYTES,
    /** ON/OFF. */
    BOOLEAN,
    /** Any other text. */
    TEXT
}
