package org.aesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;

import org.aesweep.tables.avro.BiasVarianceRow;
import org.junit.jupiter.api.Test;

class IntervalTextsTest {
    private static final List<Estimate> DECOMPOSITION = List.of(Estimate.RISK, Estimate.BIAS, Estimate.VARIANCE);

    /** A decomposed point as files before intervals wrote it. */
    private static BiasVarianceRow old(int codeSize) {
        return BiasVarianceRow.newBuilder().setDataset("mnist").setArchitecture("linear").setNoiseKind("none")
                .setNoiseLevel(0.0).setCodeSize(codeSize).setReplicates(4).setTrainLossMean(0.03)
                .setTestLossMean(0.03).setFullTrainLossMean(0.03).setRisk(0.03).setBias(0.028).setBiasSquared(0.028)
                .setVariance(0.002).build();
    }

    private static BiasVarianceRow bootstrap(int codeSize, double level) {
        return BiasVarianceRow.newBuilder(old(codeSize)).setIntervalMethod("percentile_bootstrap")
                .setIntervalLevel(level).setBootstrapDraws(2000).setBootstrapSeed(11L)
                .setIntervalNote("resampled test images and replicates").setRiskLow(0.029).setRiskHigh(0.031)
                .setBiasLow(0.027).setBiasHigh(0.029).setVarianceLow(0.0015).setVarianceHigh(0.0026).build();
    }

    private static BiasVarianceRow none(int codeSize, String why) {
        return BiasVarianceRow.newBuilder(old(codeSize)).setIntervalMethod("none").setIntervalNote(why).build();
    }

    @Test
    void aMethodReadsAsLevelMethodAndDraws() {
        assertEquals("95% percentile bootstrap, 2000 draws", IntervalTexts.method(bootstrap(8, 0.95)));
        assertEquals("99.5% percentile bootstrap, 2000 draws", IntervalTexts.method(bootstrap(8, 0.995)));
        assertEquals("none", IntervalTexts.method(none(8, "2 replicates")));
        assertNull(IntervalTexts.method(old(8)));
    }

    @Test
    void theTableDescriptionAddsTheSeedAndTheNote() {
        assertEquals("95% percentile bootstrap, 2000 draws, seed 11 (resampled test images and replicates)",
                IntervalTexts.describe(bootstrap(8, 0.95)));
        assertEquals("none (2 replicates: intervals need at least 3)",
                IntervalTexts.describe(none(2, "2 replicates: intervals need at least 3")));
        assertEquals("", IntervalTexts.describe(old(2)));
    }

    @Test
    void theBandsLabelComesFromThePointsWithIntervalsOnly() {
        assertEquals(Optional.of("bands: 95% percentile bootstrap, 2000 draws"), IntervalTexts.bandsLabel(
                List.of(none(2, "few"), bootstrap(8, 0.95)), DECOMPOSITION));
        assertEquals(Optional.of("bands: 95% percentile bootstrap, 2000 draws; 90% percentile bootstrap, 2000 draws"),
                IntervalTexts.bandsLabel(List.of(bootstrap(8, 0.95), bootstrap(16, 0.9)), DECOMPOSITION));
        assertEquals(Optional.empty(), IntervalTexts.bandsLabel(List.of(none(2, "few"), old(4)), DECOMPOSITION));
        assertEquals(Optional.empty(), IntervalTexts.bandsLabel(List.of(bootstrap(8, 0.95)),
                List.of(Estimate.TEST_LOSS, Estimate.NOISE)), "no interval columns, no bands");
    }

    @Test
    void missingIntervalsAreListedByReasonInTheirCodeSizesOrder() {
        BiasVarianceRow withoutVarianceInterval = BiasVarianceRow.newBuilder(bootstrap(64, 0.95)).setVarianceLow(null)
                .build();
        List<BiasVarianceRow> points = List.of(none(2, "2 replicates: intervals need at least 3"),
                none(4, "2 replicates: intervals need at least 3"), bootstrap(8, 0.95),
                none(16, "1 replicate left"), none(32, "2 replicates: intervals need at least 3"),
                withoutVarianceInterval);

        assertEquals(List.of("no interval at code size 2, 4, 32: 2 replicates: intervals need at least 3",
                        "no interval at code size 16: 1 replicate left", "no interval at code size 64"),
                IntervalTexts.missing(points, DECOMPOSITION));
        assertEquals(List.of("no interval at code size 2, 4, 32: 2 replicates: intervals need at least 3",
                        "no interval at code size 16: 1 replicate left"),
                IntervalTexts.missing(points, List.of(Estimate.RISK)), "64 has risk's interval");
    }

    @Test
    void rowsWrittenBeforeIntervalsAndPointsWithoutAValueAreNeverListed() {
        BiasVarianceRow undecomposed = BiasVarianceRow.newBuilder(none(2, "1 replicate")).setReplicates(1)
                .setRisk(null).setBias(null).setBiasSquared(null).setVariance(null).build();
        assertEquals(List.of(), IntervalTexts.missing(List.of(old(2), old(4), undecomposed), DECOMPOSITION));
    }
}
