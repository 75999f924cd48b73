package org.aesweep.model;

import org.aesweep.spec.Architecture;
import org.deeplearning4j.nn.conf.ConvolutionMode;

/**
 * The sides a conv net with a map code works at, for one image size: the image's, then each 2x2
 * max-pooling's (one after every hidden convolution and one after the code convolution), and how
 * many channels the code map needs to hold the code's values. The decoder retraces these sides in
 * reverse with one 3x3 stride-2 transposed convolution per pooling, which turns an s-pixel side
 * into 2s with same padding and into (s - 1) * 2 + 3 = 2s + 1 without (DL4J's Truncate): the two
 * sides a pooling turns into s. Built only for sizes the network can rebuild; see {@link #of}.
 */
final class ConvMapCode {
    /** Sides at level 0 (the image) to {@link #poolings} (the code map). */
    private final int[] rows;
    private final int[] cols;
    private final int channels;

    private ConvMapCode(int[] rows, int[] cols, int channels) {
        this.rows = rows;
        this.cols = cols;
        this.channels = channels;
    }

    /**
     * The sides of {@code architecture}'s network on images of imageRows x imageCols.
     *
     * @throws IllegalArgumentException when the decoder's filters do not match the poolings, the
     *                                  images are too small to pool that often, a pooling drops a
     *                                  row but not a column (or the reverse), which one transposed
     *                                  convolution cannot restore, or the code size is not a
     *                                  multiple of the code map's pixels
     */
    static ConvMapCode of(Architecture architecture, int imageRows, int imageCols) {
        int hidden = architecture.hiddenSizes().size();
        if (architecture.decoderSizes().size() != hidden) {
            throw new IllegalArgumentException("conv with code: map decodes with one transposed convolution per"
                    + " pooling before the 1-channel output, so it needs " + hidden + " decoder filter counts (as many"
                    + " as hidden), got " + architecture.decoderSizes().size());
        }
        int poolings = hidden + 1;
        int smallest = 1 << poolings;
        if (imageRows < smallest || imageCols < smallest) {
            throw new IllegalArgumentException("conv with code: map pools its images " + poolings + " times (after"
                    + " each of its " + hidden + " hidden convolutions and after its code convolution), which needs"
                    + " sides of at least " + smallest + ", got " + imageRows + "x" + imageCols);
        }
        int[] rows = new int[poolings + 1];
        int[] cols = new int[poolings + 1];
        rows[0] = imageRows;
        cols[0] = imageCols;
        for (int level = 0; level < poolings; level++) {
            rows[level + 1] = (int) ConvAutoencoder.pooled(rows[level]);
            cols[level + 1] = (int) ConvAutoencoder.pooled(cols[level]);
            if (rows[level] % 2 != cols[level] % 2) {
                throw new IllegalArgumentException("conv with code: map cannot rebuild " + imageRows + "x" + imageCols
                        + " images: pooling a " + rows[level] + "x" + cols[level] + " map to " + rows[level + 1] + "x"
                        + cols[level + 1] + " drops its last " + (rows[level] % 2 == 1 ? "row but no column" : "column"
                        + " but no row") + ", and a transposed convolution pads both sides alike");
            }
        }
        int pixels = rows[poolings] * cols[poolings];
        int codeSize = architecture.codeSize();
        if (codeSize % pixels != 0) {
            throw new IllegalArgumentException("conv with code: map holds its code in the " + rows[poolings] + "x"
                    + cols[poolings] + " map that " + poolings + " poolings leave of " + imageRows + "x" + imageCols
                    + " images, so its code size must be a multiple of " + pixels + " (one channel per " + pixels
                    + " values: " + pixels + ", " + 2 * pixels + ", " + 3 * pixels + ", ...), got " + codeSize
                    + nearestMultiples(codeSize, pixels));
        }
        return new ConvMapCode(rows, cols, codeSize / pixels);
    }

    private static String nearestMultiples(int codeSize, int pixels) {
        int below = codeSize / pixels * pixels;
        return below == 0 ? "" : " (nearest: " + below + " or " + (below + pixels) + ")";
    }

    /** How many 2x2 max-poolings the encoder has, and so transposed convolutions the decoder. */
    int poolings() {
        return rows.length - 1;
    }

    /** Rows of the maps at {@code level}: 0 is the image, {@link #poolings()} the code map. */
    int rowsAt(int level) {
        return rows[level];
    }

    int colsAt(int level) {
        return cols[level];
    }

    long pixelsAt(int level) {
        return (long) rows[level] * cols[level];
    }

    /** The code convolution's filters: the code's values per pixel of the code map. */
    int codeChannels() {
        return channels;
    }

    /** The padding of the transposed convolution that restores the sides of {@code level} from those of level + 1. */
    ConvolutionMode upsamplingTo(int level) {
        return rows[level] % 2 == 0 ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    /** The code as the network holds it: the code map, {@link #codeChannels()} deep. */
    CodeShape codeShape() {
        return new CodeShape.FeatureMap(channels, rows[poolings()], cols[poolings()]);
    }
}
