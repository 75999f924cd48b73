package org.aesweep.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class LearningCurvePlotterTest {
    private static final Curve CLEAN = new Curve("mnist", "shallow", "none", 0.0, 0.0);
    private static final Curve NOISY = new Curve("mnist", "shallow", "masking", 0.3, 0.0);

    /** Two replicates of code sizes 2 and 16 over three epochs; validation losses only if asked. */
    private static List<LearningCurvePlotter.Epoch> epochs(boolean validation) {
        List<LearningCurvePlotter.Epoch> epochs = new ArrayList<>();
        for (int codeSize : new int[] {16, 2}) {
            for (int replicate = 0; replicate < 2; replicate++) {
                for (int epoch = 1; epoch <= 3; epoch++) {
                    double test = 1.0 / (codeSize * epoch) + 0.1 * replicate;
                    epochs.add(new LearningCurvePlotter.Epoch(codeSize, replicate, epoch, test + 0.05,
                            validation ? test + 0.01 : null, test));
                }
            }
        }
        return epochs;
    }

    @Test
    void aPanelPerCodeSizeInAscendingOrderAllOnOneLossRange() {
        List<XYChart> panels = LearningCurvePlotter.panels(CLEAN, epochs(true));
        assertEquals(List.of("code size 2", "code size 16"), panels.stream().map(XYChart::getTitle).toList());
        double low = panels.get(0).getStyler().getYAxisMin();
        double high = panels.get(0).getStyler().getYAxisMax();
        assertEquals(low, panels.get(1).getStyler().getYAxisMin(), 0.0);
        assertEquals(high, panels.get(1).getStyler().getYAxisMax(), 0.0);
        // The range spans every loss drawn: the lowest test loss and the highest train loss.
        assertTrue(low < 1.0 / 48 && high > 0.5 + 0.1 + 0.05, low + ".." + high);
    }

    @Test
    void linesAreMeansOverReplicatesWithEachReplicatesTestLossBehindThem() {
        XYChart panel = LearningCurvePlotter.panels(CLEAN, epochs(true)).get(0);
        XYSeries test = panel.getSeriesMap().get("test");
        assertArrayEquals(new double[] {1, 2, 3}, test.getXData(), 0.0);
        assertArrayEquals(new double[] {0.5 + 0.05, 0.25 + 0.05, 1.0 / 6 + 0.05}, test.getYData(), 1e-12);
        assertArrayEquals(new double[] {0.6, 0.35, 1.0 / 6 + 0.1}, panel.getSeriesMap().get("train").getYData(), 1e-12);
        assertArrayEquals(new double[] {0.56, 0.31, 1.0 / 6 + 0.06}, panel.getSeriesMap().get("validation").getYData(),
                1e-12);
        XYSeries second = panel.getSeriesMap().get("test, replicate 1");
        assertArrayEquals(new double[] {0.6, 0.35, 1.0 / 6 + 0.1}, second.getYData(), 1e-12);
        assertFalse(second.isShowInLegend());
    }

    @Test
    void runsWithoutAValidationSplitDrawNoValidationLineAndTheLegendSaysWhatIsDrawn() {
        XYChart panel = LearningCurvePlotter.panels(NOISY, epochs(false)).get(0);
        assertFalse(panel.getSeriesMap().containsKey("validation"));
        assertTrue(panel.getSeriesMap().containsKey("train (noisy inputs)"));
        assertEquals(List.of("train (noisy inputs)", "test", "test, each replicate"),
                LearningCurvePlotter.keys(NOISY, epochs(false)).stream().map(ChartGrid.Key::label).toList());
        assertEquals(List.of("train", "test", "validation", "test, each replicate"),
                LearningCurvePlotter.keys(CLEAN, epochs(true)).stream().map(ChartGrid.Key::label).toList());
    }

    @Test
    void aPanelsSeriesHaveTheirKeysColours() {
        XYChart panel = LearningCurvePlotter.panels(CLEAN, epochs(true)).get(1);
        for (ChartGrid.Key key : LearningCurvePlotter.keys(CLEAN, epochs(true))) {
            String series = key.label().equals("test, each replicate") ? "test, replicate 0" : key.label();
            assertEquals(key.color(), panel.getSeriesMap().get(series).getLineColor(), key.label());
        }
    }
}
