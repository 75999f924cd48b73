package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.aesweep.jobs.cli.ExitCodes;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableCatalog;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.iceberg.spark.SparkCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit path works on a file system without rename, as object stores are: executors write
 * each table file once under its final name, and Iceberg's JDBC catalog writes every metadata file
 * (table metadata, manifest lists, manifests) once, through HadoopFileIO, and commits by updating
 * the catalog's row. Only Iceberg's Hadoop catalog renames (HadoopTableOperations), and aesweep does
 * not use it. A whole sweep runs on {@link NoRenameFileSystem}, which refuses renames in the
 * tables: a first attempt with a failed run, a rerun that removes its rows from compacted files and
 * retrains it, and an --overwrite; each ends with a compaction and history expiry. Models and
 * reports, outside the tables, may still be moved into place.
 */
class SweepJobRenamesNothingInTablesTest {
    @TempDir
    Path work;

    @AfterEach
    void allowRenames() {
        NoRenameFileSystem.allowAllRenames();
    }

    @Test
    void theFileSystemRefusesRenamesInTheTables() throws Exception {
        Path tables = work.resolve("out/tables");
        NoRenameFileSystem.refuseRenamesUnder(tables);
        FileSystem fs = new org.apache.hadoop.fs.Path(NoRenameFileSystem.uriOf(work)).getFileSystem(new Configuration());
        org.apache.hadoop.fs.Path inTables = new org.apache.hadoop.fs.Path(NoRenameFileSystem.uriOf(tables.resolve("runs/a")));
        try (OutputStream out = fs.create(inTables)) {
            out.write(1);
        }
        org.apache.hadoop.fs.Path renamed = new org.apache.hadoop.fs.Path(NoRenameFileSystem.uriOf(tables.resolve("runs/b")));
        assertThrows(IOException.class, () -> fs.rename(inTables, renamed));
        org.apache.hadoop.fs.Path outside = new org.apache.hadoop.fs.Path(NoRenameFileSystem.uriOf(work.resolve("out/models/a")));
        assertThrows(IOException.class, () -> fs.rename(inTables, outside), "nor out of the tables");
        assertTrue(Files.exists(tables.resolve("runs/a")) && !Files.exists(tables.resolve("runs/b")));
        assertEquals(List.of(inTables + " -> " + renamed, inTables + " -> " + outside),
                NoRenameFileSystem.refusedRenames());

        org.apache.hadoop.fs.Path model = new org.apache.hadoop.fs.Path(NoRenameFileSystem.uriOf(work.resolve("out/m")));
        try (OutputStream out = fs.create(model)) {
            out.write(1);
        }
        assertTrue(fs.rename(model, outside), "a rename outside the tables works");
        assertTrue(Files.exists(work.resolve("out/models/a")));
        assertEquals(1, NoRenameFileSystem.allowedRenames().size());
    }

    @Test
    void aSweepWithRetryOverwriteAndCompactionRenamesNothingInTheTables() throws Exception {
        Path outDir = work.resolve("out");
        String out = NoRenameFileSystem.uriOf(outDir);
        // SQLite needs a local file, so the catalog is configured as for any other file system.
        String prefix = "spark.sql.catalog." + TableCatalog.NAME;
        Map<String, String> catalog = Map.of(prefix, SparkCatalog.class.getName(), prefix + ".type", "jdbc",
                prefix + ".uri", "jdbc:sqlite:" + Files.createDirectories(work.resolve("catalog")).resolve("catalog.db"),
                prefix + ".warehouse", out + "/tables", prefix + ".jdbc.schema-version", "V1",
                prefix + ".cache-enabled", "false");
        Path grid = TinySweeps.grid(work, "[2, 4, 8]", "optimizer: adam\n  learning_rate: 0.001");
        NoRenameFileSystem.refuseRenamesUnder(outDir.resolve("tables"));

        try (TrainingFault fault = TrainingFault.failRuns(" code=4 ", " epoch 2/")) {
            assertEquals(ExitCodes.RUNS_FAILED, TinySweeps.sweep(catalog, grid, out, "n"));
            assertEquals(1, fault.fired());
        }
        // The first attempt's two ok runs and the failed one were compacted into one file per
        // table, so removing the failed run's rows rewrites that file without them.
        TinySweeps.Outcome rerun = TinySweeps.sweepReporting(catalog, grid, out, "n");
        assertEquals(ExitCodes.OK, rerun.exitCode(), rerun.stdout());
        assertTrue(rerun.stdout().contains("1 run(s) trained now (1 ok, 0 diverged, 0 failed), 2 kept"),
                rerun.stdout());
        assertEquals(ExitCodes.OK, TinySweeps.sweep(catalog, grid, out, "n", "--overwrite"));

        assertEquals(List.of(), NoRenameFileSystem.refusedRenames(), "renames asked for in the tables");
        // The jobs really wrote through the file system: table files and Iceberg metadata in the
        // tables, models moved into place outside them.
        assertTrue(NoRenameFileSystem.filesCreatedUnderRefusedRoot() > 20,
                "files created in the tables: " + NoRenameFileSystem.filesCreatedUnderRefusedRoot());
        assertTrue(NoRenameFileSystem.allowedRenames().stream().anyMatch(move -> move.contains("/models/")),
                NoRenameFileSystem.allowedRenames().toString());
        assertFalse(NoRenameFileSystem.allowedRenames().stream().anyMatch(move -> move.contains("/tables/")));
        try (var metadata = Files.list(outDir.resolve("tables/runs/metadata"))) {
            assertTrue(metadata.anyMatch(file -> file.getFileName().toString().endsWith(".metadata.json")));
        }

        Map<Table, Map<String, Long>> rows = TinySweeps.rowsPerRun(catalog, out, "n");
        Map<Table, Long> perRun = Map.of(Table.RUNS, 1L, Table.EPOCH_METRICS, (long) TinySweeps.EPOCHS,
                Table.LATENT_CODES, (long) TinySweeps.TEST_SAMPLES, Table.LATENT_PROBES, 1L);
        perRun.forEach((table, expected) -> {
            assertEquals(3, rows.get(table).size(), table + ": " + rows.get(table));
            assertTrue(rows.get(table).values().stream().allMatch(count -> count.equals(expected)),
                    table + ": " + rows.get(table));
        });
    }
}
