package org.aesweep.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a sweep's models and reports with the hidden ones of its shadow layout at the end of an
 * --overwrite (its table rows are replaced by {@link ReplaceSweep}). Each directory is swapped by
 * two renames, every old one moved aside before any new one moves in. Old reports the new sweep
 * has not produced are removed: they described the old runs. None of this is in a table.
 */
public final class PartitionSwap {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionSwap.class);

    private PartitionSwap() {
    }

    public static void replace(TableLayout target, TableLayout shadow, Configuration conf) throws IOException {
        List<Path> targets = target.partitionDirectories();
        List<Path> shadows = shadow.partitionDirectories();
        FileSystem fs = target.root().getFileSystem(conf);
        String aside = "." + target.partitionName() + ".replaced-" + UUID.randomUUID();
        for (Path dir : targets) {
            if (fs.exists(dir) && !fs.rename(dir, new Path(dir.getParent(), aside))) {
                throw new IOException("cannot move " + dir + " aside");
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            if (fs.exists(shadows.get(i))) {
                fs.mkdirs(targets.get(i).getParent());
                if (!fs.rename(shadows.get(i), targets.get(i))) {
                    throw new IOException("cannot move " + shadows.get(i) + " to " + targets.get(i));
                }
            }
        }
        for (Path dir : targets) {
            fs.delete(new Path(dir.getParent(), aside), true);
        }
        fs.delete(shadow.stagingRoot(), true);
        LOG.info("sweep {}: partitions replaced by the overwrite's", target.sweepId());
    }

    /**
     * Removes what killed attempts of this sweep left outside the tables: staging directories and
     * hidden models and reports of unfinished overwrites. Call before a new attempt starts.
     */
    public static void removeLeftovers(TableLayout layout, Configuration conf) throws IOException {
        FileSystem fs = layout.root().getFileSystem(conf);
        fs.delete(layout.stagingRoot(), true);
        String hiddenPrefix = "." + layout.partitionName() + ".";
        List<Path> parents = new ArrayList<>();
        for (Path dir : layout.partitionDirectories()) {
            parents.add(dir.getParent());
        }
        parents.add(layout.stagingRoot().getParent());
        for (Path parent : parents) {
            if (fs.exists(parent)) {
                for (FileStatus hidden : fs.listStatus(parent, path -> path.getName().startsWith(hiddenPrefix))) {
                    fs.delete(hidden.getPath(), true);
                }
            }
        }
    }
}
