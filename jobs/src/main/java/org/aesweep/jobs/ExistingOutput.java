package org.aesweep.jobs;

import java.io.IOException;

import org.aesweep.BadInputException;
import org.aesweep.tables.QualifiedPaths;
import org.aesweep.tables.TableCatalog;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;

/** Opens the tables of an output root a sweep already wrote, for the tools that read it without Spark. */
final class ExistingOutput {
    private ExistingOutput() {
    }

    /** Refuses a root that does not exist rather than creating an empty catalog there. */
    static TableCatalog catalog(String outRoot) throws BadInputException, IOException {
        Configuration conf = new Configuration();
        String qualified = QualifiedPaths.of(outRoot, conf);
        Path root = new Path(qualified);
        if (!root.getFileSystem(conf).exists(root)) {
            throw new BadInputException("no output root at " + qualified + ": run the sweep job first, or give --out");
        }
        return TableCatalog.open(new SparkConf(), qualified, conf);
    }
}
