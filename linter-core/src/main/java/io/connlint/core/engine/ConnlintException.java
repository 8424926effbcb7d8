package io.connlint.core.engine;

/**
 * connlint cannot run at all (a named configuration file is missing, an option is wrong). Bad
 * input inside the project is never this: it is a finding.
 */
public class ConnlintException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConnlintException(String message) {
        super(message);
    }
}
