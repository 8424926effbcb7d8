package io.connlint.cli.planted;

/** Planted for ArchitectureTest: stands for a front end's class. */
public final class FrontEnd {
}
