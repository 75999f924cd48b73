package org.aesweep.testing;

import java.nio.file.Path;

/** Bridges Hadoop paths of the local file system (with or without a file: scheme) to java.nio. */
public final class LocalFiles {
    private LocalFiles() {
    }

    public static Path of(org.apache.hadoop.fs.Path path) {
        return Path.of(path.toUri().getPath());
    }
}
