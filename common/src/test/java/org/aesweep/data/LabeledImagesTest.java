package org.aesweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.aesweep.spec.InputScaling;
import org.junit.jupiter.api.Test;

class LabeledImagesTest {

    private static final int COUNT = 100;
    private static final int ROWS = 2;
    private static final int COLS = 3;

    /** Image i has every pixel equal to i / COUNT and label i, so a sample's origin is visible. */
    private static final LabeledImages ALL = numbered();

    private static LabeledImages numbered() {
        float[] pixels = new float[COUNT * ROWS * COLS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i / (ROWS * COLS)) / (float) COUNT;
        }
        return LabeledImages.of(ROWS, COLS, pixels, IntStream.range(0, COUNT).toArray());
    }

    @Test
    void limitZeroOrAtLeastCountKeepsAll() {
        assertSame(ALL, ALL.subset(0, 1));
        assertSame(ALL, ALL.subset(COUNT, 1));
        assertSame(ALL, ALL.subset(COUNT + 5, 1));
    }

    @Test
    void sameSeedSameSubset() {
        assertArrayEquals(sources(ALL.subset(10, 42)), sources(ALL.subset(10, 42)));
    }

    @Test
    void differentSeedDifferentSubset() {
        assertFalse(Arrays.equals(sources(ALL.subset(10, 42)), sources(ALL.subset(10, 43))));
    }

    @Test
    void subsetIsAscendingAndCarriesItsSamples() {
        LabeledImages subset = ALL.subset(10, 7);
        assertEquals(10, subset.count());
        int[] sources = sources(subset);
        for (int k = 0; k < subset.count(); k++) {
            if (k > 0) {
                assertTrue(sources[k - 1] < sources[k], "not ascending: " + Arrays.toString(sources));
            }
            assertEquals(sources[k], subset.label(k));
            for (int p = 0; p < subset.pixelsPerImage(); p++) {
                assertEquals(ALL.pixel(sources[k], p), subset.pixel(k, p));
            }
        }
    }

    @Test
    void subsetOfSubsetReportsOriginalIndices() {
        LabeledImages inner = ALL.subset(20, 3).subset(5, 4);
        for (int k = 0; k < inner.count(); k++) {
            assertEquals(inner.label(k), inner.sourceIndex(k));
        }
    }

    @Test
    void fixedSeedPicksTheSameSamplesOnEveryJvm() {
        // pinned once; java.util.Random's algorithm is part of its specification
        assertArrayEquals(new int[] {8, 24, 79, 82, 87}, sources(ALL.subset(5, 123)));
    }

    @Test
    void rejectsPixelsThatDoNotFitTheShape() {
        assertThrows(IllegalArgumentException.class, () -> LabeledImages.of(2, 2, new float[5], new int[1]));
        assertThrows(IllegalArgumentException.class, () -> ALL.subset(-1, 0));
    }

    private static int[] sources(LabeledImages images) {
        return IntStream.range(0, images.count()).map(images::sourceIndex).toArray();
    }

    @Test
    void disjointPartsCoverTheSetOnceAndDependOnlyOnTheSeed() {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        int total = 0;
        for (int part = 0; part < 3; part++) {
            LabeledImages piece = ALL.part(part, 3, 17);
            assertTrue(piece.count() == 33 || piece.count() == 34, "near-equal parts: " + piece.count());
            for (int i = 0; i < piece.count(); i++) {
                assertTrue(seen.add(piece.sourceIndex(i)), "sample " + piece.sourceIndex(i) + " in two parts");
                assertEquals(ALL.label(piece.sourceIndex(i)), piece.label(i));
            }
            total += piece.count();
        }
        assertEquals(COUNT, total);
        assertArrayEquals(ALL.part(1, 3, 17).labels(), ALL.part(1, 3, 17).labels());
        assertFalse(java.util.Arrays.equals(ALL.part(1, 3, 17).labels(), ALL.part(1, 3, 18).labels()));
    }

    @Test
    void aBootstrapResampleHasTheSameSizeAndRepeatsSamples() {
        LabeledImages resample = ALL.bootstrap(5);
        assertEquals(COUNT, resample.count());
        long distinct = java.util.stream.IntStream.range(0, COUNT).map(resample::sourceIndex).distinct().count();
        // About 1 - 1/e = 63% of the samples appear in a bootstrap resample.
        assertTrue(distinct > 50 && distinct < 75, "distinct samples: " + distinct);
    }

    @Test
    void symmetricScalingMapsEveryPixelToTwiceItMinusOneAndKeepsTheSamples() {
        LabeledImages part = ALL.subset(10, 7);
        LabeledImages scaled = part.scaled(InputScaling.SYMMETRIC);

        assertEquals(InputScaling.SYMMETRIC, scaled.scaling());
        assertEquals(InputScaling.UNIT, part.scaling(), "the [0, 1] set is not modified");
        assertArrayEquals(sources(part), sources(scaled));
        assertArrayEquals(part.labels(), scaled.labels());
        for (int k = 0; k < part.count(); k++) {
            for (int p = 0; p < part.pixelsPerImage(); p++) {
                assertEquals(2 * part.pixel(k, p) - 1, scaled.pixel(k, p), 1e-7f);
            }
        }
        float[] ends = LabeledImages.of(1, 2, new float[] {0f, 1f}, new int[] {0})
                .scaled(InputScaling.SYMMETRIC).pixels();
        assertArrayEquals(new float[] {-1f, 1f}, ends, 0f, "0 and 1 land exactly on the range's ends");
        assertEquals(InputScaling.SYMMETRIC, scaled.subset(5, 1).scaling(), "subsets keep their scaling");
    }

    @Test
    void unitScalingIsTheSetItselfAndAScaledSetIsNeverScaledAgain() {
        assertSame(ALL, ALL.scaled(InputScaling.UNIT));
        LabeledImages scaled = ALL.scaled(InputScaling.SYMMETRIC);
        assertSame(scaled, scaled.scaled(InputScaling.SYMMETRIC));
        assertThrows(IllegalStateException.class, () -> scaled.scaled(InputScaling.UNIT));
    }
}
