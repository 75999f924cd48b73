package org.aesweep.cli;

/** Input refused before any Spark work; the message is shown to the user as it is. */
public final class BadInputException extends Exception {
    public BadInputException(String message) {
        super(message);
    }
}
