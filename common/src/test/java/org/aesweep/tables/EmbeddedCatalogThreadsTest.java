package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process commits to the embedded catalog while another of its threads reads it, as a job's
 * driver does while a thread of the same session queries the tables: every commit succeeds and no
 * read sees less than what was committed before it started. And two catalogs open on one file at
 * once, as two jobs sharing an output root are (an Airflow backfill's sweeps), each see and build
 * on the other's commits. Iceberg 1.10.1's JdbcCatalog kept a read transaction open on the first
 * connection of its pool once it opened an existing catalog (apache/iceberg#15462, fixed in
 * 1.11.0): that connection read a frozen catalog and failed to commit after another had
 * (SQLITE_BUSY_SNAPSHOT).
 */
class EmbeddedCatalogThreadsTest {
    private static final int COMMITS = 40;
    private static final String COUNTER = "aesweep.test.counter";

    @TempDir
    Path work;

    @Test
    void aReaderThreadNeitherBlocksNorMissesTheCommitsOfAnother() throws Exception {
        String out = work.toString();
        TableCatalog.open(new SparkConf(false), out, new Configuration()).close();
        // Opened on an existing catalog, the case in which Iceberg leaves its query open.
        try (TableCatalog catalog = TableCatalog.open(new SparkConf(false), out, new Configuration())) {
            AtomicInteger committed = new AtomicInteger();
            AtomicInteger reads = new AtomicInteger();
            AtomicBoolean done = new AtomicBoolean();
            List<String> stale = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    int before = committed.get();
                    String value = catalog.load(Table.RUNS).properties().get(COUNTER);
                    int seen = value == null ? 0 : Integer.parseInt(value);
                    if (seen < before) {
                        stale.add("read " + seen + " after " + before + " was committed");
                    }
                    reads.incrementAndGet();
                }
            }, "reader");
            reader.start();
            List<String> failed = new ArrayList<>();
            try {
                for (int i = 1; i <= COMMITS; i++) {
                    try {
                        catalog.load(Table.RUNS).updateProperties().set(COUNTER, Integer.toString(i)).commit();
                        committed.set(i);
                    } catch (RuntimeException e) {
                        failed.add(i + ": " + e + " / " + e.getCause());
                    }
                }
            } finally {
                done.set(true);
                reader.join();
            }
            assertEquals(List.of(), failed, "failed commits");
            assertEquals(List.of(), stale.subList(0, Math.min(stale.size(), 10)), stale.size() + " stale reads");
            assertTrue(reads.get() > COMMITS, "reads interleaved with the commits: " + reads.get());
        }
    }

    @Test
    void twoCatalogsOnOneFileTakeTurnsAndSeeEachOthersCommits() throws Exception {
        String out = work.toString();
        TableCatalog.open(new SparkConf(false), out, new Configuration()).close();
        try (TableCatalog first = TableCatalog.open(new SparkConf(false), out, new Configuration());
             TableCatalog second = TableCatalog.open(new SparkConf(false), out, new Configuration())) {
            for (int i = 1; i <= 10; i++) {
                TableCatalog writer = i % 2 == 0 ? first : second;
                TableCatalog other = i % 2 == 0 ? second : first;
                writer.load(Table.RUNS).updateProperties().set(COUNTER, Integer.toString(i)).commit();
                assertEquals(Integer.toString(i), other.load(Table.RUNS).properties().get(COUNTER), "commit " + i);
            }
        }
    }
}
