package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** The on-disk names readers and earlier outputs rely on, spelled out once here as the layout writes them. */
class TableLayoutTest {
    private final TableLayout layout = new TableLayout("/out", "s1");

    @Test
    void tablesModelsAndReportsLiveInSweepPartitions() {
        assertEquals(new Path("/out/tables"), TableLayout.tablesRoot("/out"));
        assertEquals(new Path("/out/tables/epoch_metrics/sweep_id=s1/run-abc.parquet"),
                layout.runFile(Table.EPOCH_METRICS, "abc"));
        assertEquals(new Path("/out/tables/bias_variance/sweep_id=s1/part-00000.parquet"),
                layout.wholeTableFile(Table.BIAS_VARIANCE));
        assertEquals(new Path("/out/tables/runs/sweep_id=s1/_SUCCESS"), layout.successMarker());
        assertEquals(new Path("/out/models/sweep_id=s1/abc.zip"), layout.modelFile("abc"));
        assertEquals(new Path("/out/reports/sweep_id=s1"), layout.reportDir());
    }

    @Test
    void anAttemptStagesItsFilesUnderTheTablesNames() {
        Path staging = layout.stagingDir("abc", "t");
        assertEquals(new Path("/out/_staging/sweep_id=s1/abc-t"), staging);
        assertEquals(new Path(staging, "latent_codes.parquet"), TableLayout.stagedTableFile(staging, Table.LATENT_CODES));
        assertEquals(new Path(staging, "model.zip"), TableLayout.stagedModelFile(staging));
    }

    @Test
    void perRunAndCompactedFilesAreToldApartByName() {
        assertEquals("abc", TableLayout.runIdOf("run-abc.parquet"));
        assertNull(TableLayout.runIdOf(TableLayout.compactedFileName("t")));
        assertTrue(TableLayout.isCompactedFile(TableLayout.compactedFileName("t")));
        assertTrue(TableLayout.isCompactedFile(layout.wholeTableFile(Table.BIAS_VARIANCE).getName()));
    }
}
