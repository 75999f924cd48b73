package org.aesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.aesweep.spark.SparkSessions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class CodeValueHistogramsTest {
    private static final Curve SHALLOW = new Curve("mnist", "shallow", "none", 0.0, 0.0);
    private static final Curve SPARSE = new Curve("mnist", "sparse", "none", 0.0, 0.01);
    private static final Curve LINEAR = new Curve("mnist", "linear", "none", 0.0, 0.0);
    private static final StructType CODES = new StructType()
            .add("dataset", DataTypes.StringType).add("architecture", DataTypes.StringType)
            .add("noise_kind", DataTypes.StringType).add("noise_level", DataTypes.DoubleType)
            .add("sparsity_weight", DataTypes.DoubleType).add("code_size", DataTypes.IntegerType)
            .add("code", DataTypes.createArrayType(DataTypes.FloatType));

    private static SparkSession spark;
    private static List<CodeValueHistograms.Bin> bins;

    @BeforeAll
    static void binGeneratedCodes() {
        spark = SparkSessions.create("code-value-histograms-test", "local[1]");
        Random random = new Random(3);
        List<Row> rows = new ArrayList<>();
        for (int sample = 0; sample < 200; sample++) {
            // A ReLU-like code of 4 units, a sparse one with three of its four units exactly 0 (and the fourth
            // in 1..3), and a code of 8 units that never varies.
            rows.add(code(SHALLOW, 4, (float) Math.abs(random.nextGaussian()), (float) random.nextDouble() * 5,
                    (float) random.nextDouble(), (float) random.nextDouble()));
            rows.add(code(SPARSE, 4, 0f, 0f, 0f, 1f + (float) random.nextDouble() * 2));
            rows.add(code(SHALLOW, 8, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f));
            rows.add(code(LINEAR, 1, sample));
        }
        bins = CodeValueHistograms.bins(spark.createDataFrame(rows, CODES));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static Row code(Curve curve, int codeSize, float... values) {
        List<Float> code = new ArrayList<>();
        for (float value : values) {
            code.add(value);
        }
        return RowFactory.create(curve.dataset(), curve.architecture(), curve.noiseKind(), curve.noiseLevel(),
                curve.sparsityWeight(), codeSize, code.toArray(new Float[0]));
    }

    private static List<CodeValueHistograms.Bin> of(Curve curve, int codeSize) {
        return bins.stream().filter(bin -> bin.curve().equals(curve) && bin.codeSize() == codeSize).toList();
    }

    @Test
    void everyUnitOfEveryCodeIsCountedOnceInAtMostTheBinsThereAre() {
        for (List<CodeValueHistograms.Bin> run
                : List.of(of(SHALLOW, 4), of(SPARSE, 4), of(SHALLOW, 8), of(LINEAR, 1))) {
            long counted = run.stream().mapToLong(CodeValueHistograms.Bin::count).sum();
            assertEquals(200L * run.get(0).codeSize(), counted);
            assertTrue(run.size() <= CodeValueHistograms.BINS, run.size() + " bins");
        }
        assertTrue(of(SHALLOW, 4).size() > 10, "values spread over many bins");
    }

    @Test
    void valuesSpreadOverTheRangeFillEveryBinAndTheLargestFallsInTheLast() {
        // 0, 1, .. 199 in bins 3.98 wide: the last bin holds 196..198 and the maximum, 199.
        List<CodeValueHistograms.Bin> spread = of(LINEAR, 1);
        assertEquals(CodeValueHistograms.BINS, spread.size());
        assertEquals(4, spread.get(spread.size() - 1).count());
        assertEquals(197.5, spread.get(spread.size() - 1).mean(), 1e-9);
    }

    @Test
    void theZerosOfASparseCodeFormOneBinAtExactlyZero() {
        CodeValueHistograms.Bin lowest = of(SPARSE, 4).get(0);
        assertEquals(0.0, lowest.mean(), 0.0);
        assertEquals(600, lowest.count());
    }

    @Test
    void aCodeThatNeverVariesIsOneBinAtItsValue() {
        List<CodeValueHistograms.Bin> constant = of(SHALLOW, 8);
        assertEquals(1, constant.size());
        assertEquals(0.7, constant.get(0).mean(), 1e-6);
    }

    @Test
    void aPanelPerCodeSizeAndEachCurveInOneColourInEveryPanel() {
        Map<Curve, Color> colours = CodeValueHistograms.colours(bins);
        List<XYChart> panels = CodeValueHistograms.panels(bins, colours);
        assertEquals(List.of("code size 1", "code size 4", "code size 8"),
                panels.stream().map(XYChart::getTitle).toList());
        assertEquals(List.of(SHALLOW.label(), SPARSE.label()), List.copyOf(panels.get(1).getSeriesMap().keySet()));
        assertEquals(colours.get(SHALLOW), panels.get(1).getSeriesMap().get(SHALLOW.label()).getLineColor());
        assertEquals(colours.get(SHALLOW), panels.get(2).getSeriesMap().get(SHALLOW.label()).getLineColor());
        assertTrue(!colours.get(SHALLOW).equals(colours.get(SPARSE)));
        assertTrue(panels.get(0).getStyler().isYAxisLogarithmic());
        assertEquals("#,##0", panels.get(0).getStyler().getYAxisDecimalPattern(), "counts as whole numbers");
    }
}
