package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** The on-disk names readers and earlier outputs rely on, spelled out once here as the layout writes them. */
class TableLayoutTest {
    private final TableLayout layout = new TableLayout("/out", "s1");

    @Test
    void tablesModelsAndReportsLiveInSweepPartitions() {
        assertEquals(new Path("/out/tables"), TableLayout.tablesRoot("/out"));
        assertEquals(new Path("/out/tables/epoch_metrics/sweep_id=s1/run-abc-t.parquet"),
                layout.attemptFile(Table.EPOCH_METRICS, "abc", "t"));
        assertEquals(new Path("/out/tables/bias_variance/sweep_id=s1/part-t.parquet"),
                layout.compactedFile(Table.BIAS_VARIANCE, "t"));
        assertEquals(new Path("/out/tables/runs"), TableLayout.tableRoot("/out", Table.RUNS));
        assertEquals(new Path("/out/tables/runs/sweep_id=s1/_SUCCESS"), layout.successMarker());
        assertEquals(new Path("/out/models/sweep_id=s1/abc.zip"), layout.modelFile("abc"));
        assertEquals(new Path("/out/reports/sweep_id=s1"), layout.reportDir());
    }

    @Test
    void anAttemptStagesOnlyItsModel() {
        Path staging = layout.stagingDir("abc", "t");
        assertEquals(new Path("/out/_staging/sweep_id=s1/abc-t"), staging);
        assertEquals(new Path(staging, "model.zip"), TableLayout.stagedModelFile(staging));
    }

    @Test
    void anOverwriteHidesItsModelsAndReportsButNotItsTableFiles() {
        TableLayout shadow = layout.shadow("o");
        assertEquals(new Path("/out/models/.sweep_id=s1.o/abc.zip"), shadow.modelFile("abc"));
        assertEquals(new Path("/out/reports/.sweep_id=s1.o"), shadow.reportDir());
        assertEquals(layout.tablePartition(Table.RUNS), shadow.tablePartition(Table.RUNS));
        assertEquals(List.of(shadow.modelFile("x").getParent(), shadow.reportDir()), shadow.partitionDirectories());
    }
}
