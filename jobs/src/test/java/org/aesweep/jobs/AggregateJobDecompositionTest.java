package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.aesweep.analysis.SavedRun;
import org.aesweep.spark.ExecutorDataCache;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.BiasVarianceRow;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.train.TrainingArrays;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny sweeps of a BCE and an MSE architecture through SweepJob and AggregateJob: each grid point's
 * bias_variance row holds the decomposition of its own loss, whose parts sum to its risk, and that
 * risk is the runs' mean test loss; two seed replicates get no intervals, a crossed design of 3 data
 * splits x 2 seeds gets the variance split and bootstrap intervals around its estimates.
 */
class AggregateJobDecompositionTest {
    private static final String SWEEP = "decomposed";

    @TempDir
    Path work;

    @Test
    void eachGridPointIsDecomposedInTheLossItsRunsTrainedWith() throws Exception {
        Path grid = TinySweeps.grid(work, "[4]", "optimizer: adam\n  learning_rate: 0.003",
                "replicates: 2",
                "architectures:",
                "  - shallow",
                "  - {name: shallow, label: shallow-mse, loss: mse}");
        String out = sweepAndAggregate(grid);

        try (TableCatalog catalog = TinySweeps.catalog(Map.of(), out)) {
            SweepTables tables = new SweepTables(catalog, new TableLayout(catalog.outRoot(), SWEEP));
            Map<String, BiasVarianceRow> rows = tables.allRows(BiasVarianceRow.class).stream()
                    .collect(Collectors.toMap(row -> row.getArchitecture().toString(), row -> row));
            assertEquals(2, rows.size(), rows.toString());

            BiasVarianceRow bce = rows.get("shallow");
            assertEquals(2, bce.getReplicates());
            assertEquals("bernoulli_kl", bce.getDecomposition());
            assertEquals(bce.getRisk(), bce.getNoise() + bce.getBias() + bce.getVariance(), 1e-12, bce.toString());
            assertTrue(bce.getBias() > 0 && bce.getVariance() > 0, bce.toString());
            assertNull(bce.getBiasSquared(), "a KL bias is not a squared one");
            // No output of a briefly trained net saturates, so nothing is clipped: the risk is the test BCE.
            assertEquals(bce.getTestLossMean(), bce.getRisk(), 1e-5 * bce.getRisk(), bce.toString());
            assertEquals(entropyOfTestPixels(tables, out), bce.getNoise(), 1e-9);
            for (BiasVarianceRow row : rows.values()) {
                assertNull(row.getVarianceData(), "seed replicates have no variance split");
                assertEquals("none", row.getIntervalMethod());
                assertEquals("2 replicates: intervals need at least 3", row.getIntervalNote());
                assertNull(row.getRiskLow());
                assertNull(row.getBootstrapDraws());
            }

            BiasVarianceRow mse = rows.get("shallow-mse");
            assertEquals("squared_error", mse.getDecomposition());
            assertNull(mse.getNoise(), mse.toString());
            assertEquals(mse.getBiasSquared(), mse.getBias());
            assertEquals(mse.getRisk(), mse.getBiasSquared() + mse.getVariance(), 1e-12, mse.toString());
            assertTrue(mse.getVariance() > 0, mse.toString());
            assertEquals(mse.getTestLossMean(), mse.getRisk(), 1e-4 * mse.getRisk(), mse.toString());
        }
    }

    @Test
    void aCrossedDesignSplitsItsVarianceAndGetsIntervalsAroundItsEstimates() throws Exception {
        Path grid = TinySweeps.grid(work, "[4]", "optimizer: adam\n  learning_rate: 0.003",
                "replicates: 6",
                "replicate_split: crossed",
                "data_splits: 3",
                "architectures:",
                "  - shallow",
                "  - {name: shallow, label: shallow-mse, loss: mse}");
        String out = sweepAndAggregate(grid, "--bootstrap-draws", "400", "--interval-level", "0.9",
                "--bootstrap-seed", "7");

        try (TableCatalog catalog = TinySweeps.catalog(Map.of(), out)) {
            SweepTables tables = new SweepTables(catalog, new TableLayout(catalog.outRoot(), SWEEP));
            List<BiasVarianceRow> rows = tables.allRows(BiasVarianceRow.class);
            assertEquals(2, rows.size(), rows.toString());
            for (BiasVarianceRow row : rows) {
                assertEquals("crossed", row.getReplicateSplit());
                assertEquals(6, row.getReplicates());
                assertEquals(row.getVariance(), row.getVarianceData() + row.getVarianceInit(), 1e-12, row.toString());
                double noise = row.getNoise() == null ? 0 : row.getNoise();
                assertEquals(row.getRisk(), noise + row.getBias() + row.getVariance(), 1e-12, row.toString());
                assertTrue(row.getVarianceInit() > 0, row.toString());
                assertEquals("percentile_bootstrap", row.getIntervalMethod());
                assertEquals("400 draws over " + TinySweeps.TEST_SAMPLES + " test images and 3 data splits",
                        row.getIntervalNote());
                assertEquals(0.9, row.getIntervalLevel());
                assertEquals(400, row.getBootstrapDraws());
                assertEquals(7L, row.getBootstrapSeed());
                assertInside(row.getRisk(), row.getRiskLow(), row.getRiskHigh(), "risk", row);
                assertInside(row.getBias(), row.getBiasLow(), row.getBiasHigh(), "bias", row);
                assertInside(row.getVariance(), row.getVarianceLow(), row.getVarianceHigh(), "variance", row);
                assertInside(row.getVarianceData(), row.getVarianceDataLow(), row.getVarianceDataHigh(),
                        "variance_data", row);
                assertInside(row.getVarianceInit(), row.getVarianceInitLow(), row.getVarianceInitHigh(),
                        "variance_init", row);
            }
        }
    }

    private static void assertInside(double estimate, Double low, Double high, String what, BiasVarianceRow row) {
        assertTrue(low != null && high != null && low < high, what + " interval: " + row);
        assertTrue(low <= estimate && estimate <= high, what + " " + estimate + " outside [" + low + ", " + high
                + "]: " + row);
    }

    /** The mean binary entropy of the clean test set's pixels, in a double loop. */
    private static double entropyOfTestPixels(SweepTables tables, String out) throws Exception {
        RunRow run = tables.allRows(RunRow.class).get(0);
        SavedRun saved = SavedRun.load(tables, run.getRunId().toString());
        double[][] pixels = TrainingArrays.toMatrix(ExecutorDataCache.get(out, saved.config(), new Configuration())
                .test()).toDoubleMatrix();
        double entropy = 0;
        for (double[] image : pixels) {
            for (double y : image) {
                entropy -= (y > 0 ? y * Math.log(y) : 0) + (y < 1 ? (1 - y) * Math.log(1 - y) : 0);
            }
        }
        assertEquals(TinySweeps.TEST_SAMPLES, pixels.length);
        return entropy / (pixels.length * (double) pixels[0].length);
    }

    /** Trains the grid's sweep and aggregates it with these extra options; returns the output root. */
    private String sweepAndAggregate(Path grid, String... aggregateOptions) throws Exception {
        String out = work.resolve("out").toString();
        assertEquals(0, TinySweeps.sweep(grid, out, SWEEP));
        List<String> arguments = new ArrayList<>(List.of("--out", out, "--sweep-id", SWEEP, "--data",
                work.toString(), "--master", "local[2]"));
        arguments.addAll(List.of(aggregateOptions));
        assertEquals(0, AggregateJob.run(arguments.toArray(String[]::new)));
        return out;
    }
}
