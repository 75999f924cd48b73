package org.aesweep;

/**
 * Input refused before any Spark work; the message is shown to the user as it is. The library's
 * one exception for bad user input (a spec, data, an output root, a code to decode), so every
 * launcher can map it to its own exit code.
 */
public final class BadInputException extends Exception {
    public BadInputException(String message) {
        super(message);
    }
}
