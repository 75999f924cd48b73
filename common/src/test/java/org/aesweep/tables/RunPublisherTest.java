package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.aesweep.testing.LocalFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPublisherTest {
    private final Configuration conf = new Configuration();

    @TempDir
    Path out;

    @Test
    void nothingIsVisibleBeforeCommitAndEverythingAfter() throws IOException {
        TableLayout layout = new TableLayout(out.toString(), "s1");
        RunPublisher publisher = new RunPublisher(layout, conf);
        RunPublisher.StagedRun staged = stageAll(publisher, "abc", "v1");

        assertFalse(exists(layout.runFile(Table.RUNS, "abc")));
        assertEquals(Set.of(), CommittedRuns.list(layout, conf));

        publisher.commit(staged);

        for (Table table : new Table[] {Table.RUNS, Table.EPOCH_METRICS, Table.LATENT_CODES}) {
            assertEquals("v1", content(layout.runFile(table, "abc")));
        }
        assertEquals("v1", content(layout.modelFile("abc")));
        assertFalse(exists(staged.directory()));
        assertEquals(Set.of("abc"), CommittedRuns.list(layout, conf));
    }

    @Test
    void aSecondAttemptReplacesTheFirstAndDropsFilesItDidNotProduce() throws IOException {
        TableLayout layout = new TableLayout(out.toString(), "s1");
        RunPublisher publisher = new RunPublisher(layout, conf);
        publisher.commit(stageAll(publisher, "abc", "v1"));

        RunPublisher.StagedRun second = publisher.stage("abc");
        write(second.tableFile(Table.RUNS), "v2");
        write(second.tableFile(Table.EPOCH_METRICS), "v2");
        publisher.commit(second);

        assertEquals("v2", content(layout.runFile(Table.RUNS, "abc")));
        assertEquals("v2", content(layout.runFile(Table.EPOCH_METRICS, "abc")));
        assertFalse(exists(layout.runFile(Table.LATENT_CODES, "abc")));
        assertFalse(exists(layout.modelFile("abc")));
        try (var files = Files.list(LocalFiles.of(layout.tablePartition(Table.RUNS)))) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".parquet")).count());
        }
    }

    @Test
    void sweepsInOneRootDoNotSeeEachOther() throws IOException {
        TableLayout a = new TableLayout(out.toString(), "a");
        TableLayout b = new TableLayout(out.toString(), "b");
        RunPublisher publisher = new RunPublisher(a, conf);
        publisher.commit(stageAll(publisher, "abc", "v1"));

        assertEquals(Set.of("abc"), CommittedRuns.list(a, conf));
        assertEquals(Set.of(), CommittedRuns.list(b, conf));
    }

    @Test
    void sweepIdsThatAreNotSafeDirectoryNamesAreRefused() {
        assertTrue(TableLayout.isValidSweepId("2026-11-23T00.00_nightly"));
        for (String bad : new String[] {"", "../x", "a/b", "a b", "-x", "sweep_id=1"}) {
            assertFalse(TableLayout.isValidSweepId(bad), bad);
        }
    }

    private RunPublisher.StagedRun stageAll(RunPublisher publisher, String runId, String content)
            throws IOException {
        RunPublisher.StagedRun staged = publisher.stage(runId);
        for (Table table : new Table[] {Table.RUNS, Table.EPOCH_METRICS, Table.LATENT_CODES}) {
            write(staged.tableFile(table), content);
        }
        write(staged.modelFile(), content);
        return staged;
    }

    private void write(org.apache.hadoop.fs.Path file, String content) throws IOException {
        try (OutputStream stream = FileSystem.get(file.toUri(), conf).create(file, true)) {
            stream.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private String content(org.apache.hadoop.fs.Path file) throws IOException {
        return Files.readString(LocalFiles.of(file));
    }

    private boolean exists(org.apache.hadoop.fs.Path file) {
        return Files.exists(LocalFiles.of(file));
    }
}
