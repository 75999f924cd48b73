package org.aesweep.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import org.aesweep.analysis.ConfidenceIntervals.Interval;

/**
 * Percentile bootstrap intervals for a grid point's decomposition. Each draw resamples, with
 * replacement, the test images and the design's units (the replicates, or the data splits of a
 * crossed design, each with all its seeds), recomputes every estimate on the draw, and the interval
 * at level L runs from the (1 − L)/2 to the (1 + L)/2 quantile of the draws' estimates (linear
 * interpolation between order statistics). A draw's variances weigh repeated units by their counts
 * and correct for the repeats ({@link ReplicateDesign#squaredWeights}), so they centre on the
 * point estimate; a draw of one unit repeated is drawn again. Draw i takes its units and its images
 * from two generators seeded from the settings' seed and i alone, so intervals repeat exactly
 * whatever order the draws are computed in.
 *
 * <p>Speed: the per-image sums that are linear in the replicates are computed once
 * ({@link ReplicateParameters}); only the potential at the means a draw's units call for needs a
 * pass over the pixels, once per distinct multiset of units, for every draw of that multiset
 * ({@link PotentialAtMeans#fast}); each draw's images then only reweight per-image statistics.
 */
final class PercentileBootstrap {
    /** Fewer units than this give no interval: resampling 2 units yields 3 distinct draws at most. */
    static final int MIN_UNITS = 3;
    /** Means whose per-image potential sums one pass computes, which bounds their memory (8 bytes a mean and image). */
    private static final int MEANS_PER_PASS = 256;

    private PercentileBootstrap() {
    }

    static ConfidenceIntervals intervals(ReplicateParameters replicates, ReplicateDesign design, double[][] fixedSums,
                                         BootstrapSettings settings) {
        if (!settings.enabled()) {
            return ConfidenceIntervals.none("intervals off (0 bootstrap draws)");
        }
        if (design.units() < MIN_UNITS) {
            return ConfidenceIntervals.none(design.units() + " " + design.unitName() + ": intervals need at least "
                    + MIN_UNITS);
        }
        int draws = settings.draws();
        SplittableRandom root = new SplittableRandom(settings.seed());
        long[] unitSeeds = new long[draws];
        long[] imageSeeds = new long[draws];
        for (int i = 0; i < draws; i++) {
            unitSeeds[i] = root.nextLong();
            imageSeeds[i] = root.nextLong();
        }
        Estimates[] estimates = estimateDraws(replicates, design, fixedSums, drawsByUnits(design.units(), unitSeeds),
                imageSeeds);
        boolean crossed = estimates[0].varianceData() != null;
        double level = settings.level();
        return new ConfidenceIntervals(ConfidenceIntervals.PERCENTILE_BOOTSTRAP,
                draws + " draws over " + replicates.images() + " test images and " + design.units() + " "
                        + design.unitName(),
                level, draws, settings.seed(),
                interval(estimates, Estimates::risk, level),
                interval(estimates, Estimates::bias, level),
                interval(estimates, Estimates::variance, level),
                crossed ? interval(estimates, Estimates::varianceData, level) : null,
                crossed ? interval(estimates, Estimates::varianceInit, level) : null);
    }

    /** The draws (their indices) of each distinct multiset of units, as unit counts, in order of first draw. */
    private static Map<List<Integer>, List<Integer>> drawsByUnits(int units, long[] unitSeeds) {
        Map<List<Integer>, List<Integer>> drawsByUnits = new LinkedHashMap<>();
        for (int i = 0; i < unitSeeds.length; i++) {
            List<Integer> counts = IntStream.of(resampleUnits(units, new SplittableRandom(unitSeeds[i])))
                    .boxed().toList();
            drawsByUnits.computeIfAbsent(counts, key -> new ArrayList<>()).add(i);
        }
        return drawsByUnits;
    }

    /**
     * Every draw's estimates: per pass, the potential at the means of up to {@link #MEANS_PER_PASS}
     * means of distinct multisets of units, then each multiset's per-image statistics, reweighted by
     * each of its draws' images.
     */
    private static Estimates[] estimateDraws(ReplicateParameters replicates, ReplicateDesign design,
                                             double[][] fixedSums, Map<List<Integer>, List<Integer>> drawsByUnits,
                                             long[] imageSeeds) {
        Estimates[] estimates = new Estimates[imageSeeds.length];
        List<Map.Entry<List<Integer>, List<Integer>>> distinct = new ArrayList<>(drawsByUnits.entrySet());
        int meansPerDraw = design.drawnMeans(toArray(distinct.get(0).getKey())).size();
        int unitsPerPass = Math.max(1, MEANS_PER_PASS / meansPerDraw);
        for (int from = 0; from < distinct.size(); from += unitsPerPass) {
            List<Map.Entry<List<Integer>, List<Integer>>> pass =
                    distinct.subList(from, Math.min(distinct.size(), from + unitsPerPass));
            List<int[]> means = new ArrayList<>();
            for (Map.Entry<List<Integer>, List<Integer>> units : pass) {
                means.addAll(design.drawnMeans(toArray(units.getKey())));
            }
            double[][] drawnSums = PotentialAtMeans.fast(replicates, means);
            for (int k = 0; k < pass.size(); k++) {
                int[] unitCounts = toArray(pass.get(k).getKey());
                double[][] statistics = design.imageStatistics(unitCounts, replicates, fixedSums,
                        Arrays.copyOfRange(drawnSums, k * meansPerDraw, (k + 1) * meansPerDraw));
                for (int i : pass.get(k).getValue()) {
                    int[] images = resample(replicates.images(), new SplittableRandom(imageSeeds[i]));
                    estimates[i] = design.estimates(JensenGaps.elementMeans(statistics, images, replicates.pixels()),
                            unitCounts, replicates.kind());
                }
            }
        }
        return estimates;
    }

    /**
     * Units drawn with replacement, drawn again while they are one unit repeated: such a draw holds no
     * spread to estimate (with 3 units, 1 draw in 9; with 8, 1 in 2 million).
     */
    static int[] resampleUnits(int units, SplittableRandom random) {
        int[] counts = resample(units, random);
        while (IntStream.of(counts).max().orElseThrow() == units) {
            counts = resample(units, random);
        }
        return counts;
    }

    /** How often each of {@code count} items is drawn in {@code count} draws with replacement. */
    static int[] resample(int count, SplittableRandom random) {
        int[] counts = new int[count];
        for (int i = 0; i < count; i++) {
            counts[random.nextInt(count)]++;
        }
        return counts;
    }

    /** The central interval holding {@code level} of the draws' values of one estimate. */
    private static Interval interval(Estimates[] draws, ToDoubleFunction<Estimates> estimate, double level) {
        double[] values = Arrays.stream(draws).mapToDouble(estimate).sorted().toArray();
        return new Interval(quantile(values, (1 - level) / 2), quantile(values, (1 + level) / 2));
    }

    /** The q-quantile of sorted values, interpolating linearly between order statistics (R's type 7). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
