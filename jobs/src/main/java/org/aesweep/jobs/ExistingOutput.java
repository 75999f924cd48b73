package org.aesweep.jobs;

import java.io.IOException;

import org.aesweep.BadInputException;
import org.aesweep.tables.QualifiedPaths;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
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
        return TableCatalog.open(new SparkConf(), existingRoot(outRoot, conf), conf);
    }

    /**
     * As {@link #catalog}, for a tool that works on the root's table files: a root without
     * {@code tables/} is refused too, before a catalog is created in it.
     */
    static TableCatalog catalogOfTables(String outRoot) throws BadInputException, IOException {
        Configuration conf = new Configuration();
        String root = existingRoot(outRoot, conf);
        Path tables = TableLayout.tablesRoot(root);
        if (!tables.getFileSystem(conf).exists(tables)) {
            throw new BadInputException("no tables/ under " + root + ": not an aesweep output root, or give --out");
        }
        return TableCatalog.open(new SparkConf(), root, conf);
    }

    private static String existingRoot(String outRoot, Configuration conf) throws BadInputException, IOException {
        String qualified = QualifiedPaths.of(outRoot, conf);
        Path root = new Path(qualified);
        if (!root.getFileSystem(conf).exists(root)) {
            throw new BadInputException("no output root at " + qualified + ": run the sweep job first, or give --out");
        }
        return qualified;
    }
}
