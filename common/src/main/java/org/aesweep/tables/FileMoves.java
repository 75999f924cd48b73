package org.aesweep.tables;

import java.io.IOException;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Moves staged files into their published place on any Hadoop FileSystem. */
public final class FileMoves {
    private FileMoves() {
    }

    /**
     * Moves {@code source} over {@code target}, creating the parent directory. A missing source
     * removes the target, so a rerun that produces less than an older attempt leaves nothing stale.
     */
    public static void replace(FileSystem fs, Path source, Path target) throws IOException {
        fs.mkdirs(target.getParent());
        if (fs.exists(target) && !fs.delete(target, false)) {
            throw new IOException("cannot replace " + target);
        }
        if (fs.exists(source) && !fs.rename(source, target)) {
            throw new IOException("cannot move " + source + " to " + target);
        }
    }
}
