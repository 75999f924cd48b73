package org.aesweep.tables;

import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Turns a path the user typed into a full URI on the driver. Executors of a standalone cluster run
 * in the Workers' own directories, so a relative {@code --out aesweep-out} would otherwise be read
 * and written there, not where the user stands.
 */
public final class QualifiedPaths {
    private QualifiedPaths() {
    }

    /** {@code data} becomes {@code file:/home/me/data}; URIs with a scheme keep it and gain the default authority. */
    public static String of(String pathOrUri, Configuration conf) throws IOException {
        Path path = new Path(pathOrUri);
        return path.getFileSystem(conf).makeQualified(path).toString();
    }
}
