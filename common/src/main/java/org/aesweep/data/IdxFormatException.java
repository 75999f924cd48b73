package org.aesweep.data;

import java.io.IOException;

/** An IDX file that cannot be used as it is; the message always starts with the file's name. */
public class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public IdxFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    public IdxFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
