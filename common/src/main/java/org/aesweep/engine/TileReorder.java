package org.aesweep.engine;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

import org.aesweep.engine.kernels.KernelThreads;

/**
 * The reorderings of a {@link TiledDeconvolution2D} as plain JVM loops: each input pixel's tile of
 * {@code out x k x k} values, computed as one matrix row, goes to its k x k block of every output
 * channel, and back. libnd4j does these as six-dimensional permuted copies whose innermost
 * dimensions are k = 2 long, several times slower. Samples are split over the task's threads; each
 * part copies its samples' tiles and image into Java arrays (one bulk copy each way), since element
 * by element access to the off-heap buffers costs more than the copies.
 *
 * <p>Layouts: tiles {@code [n*h*w, out*k*k]} row-major (pixel rows in n, y, x order; each row
 * out-major, then ky, kx); image {@code [n, out, h*k, w*k]} in c order.
 */
final class TileReorder {
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][]);

    private TileReorder() {
    }

    /** image = the tiles moved into place, plus {@code bias[channel]}. */
    static void toImage(ByteBuffer tiles, FloatBuffer bias, ByteBuffer image, long n, long h, long w, long out, long k) {
        walk(image, tiles, bias, true, n, h, w, out, k);
    }

    /** tiles = the image's k x k blocks gathered back into pixel rows (the reverse of {@link #toImage}, without bias). */
    static void toTiles(ByteBuffer image, ByteBuffer tiles, long n, long h, long w, long out, long k) {
        walk(image, tiles, null, false, n, h, w, out, k);
    }

    /** Visits every image element in memory order with the tile element it pairs with. */
    private static void walk(ByteBuffer imageBytes, ByteBuffer tileBytes, FloatBuffer bias, boolean intoImage,
                             long samples, long height, long width, long channels, long kernel) {
        // Every array fits one ByteBuffer (the caller checked FlatFloats.isFlat), so ints index them.
        int n = Math.toIntExact(samples);
        int h = Math.toIntExact(height);
        int w = Math.toIntExact(width);
        int out = Math.toIntExact(channels);
        int k = Math.toIntExact(kernel);
        int perSample = out * h * k * w * k;
        int tileWidth = out * k * k;
        float[] offsets = new float[out];
        if (bias != null) {
            bias.get(0, offsets);
        }
        KernelThreads.split(n * perSample, perSample, (from, to) -> {
            int length = to - from;
            float[][] scratch = SCRATCH.get();
            float[] image = scratch[0] = grown(scratch[0], length);
            float[] tiles = scratch[1] = grown(scratch[1], length);
            // The same samples' tiles occupy the same element range: both layouts hold perSample per sample.
            FloatBuffer imageBuffer = imageBytes.asFloatBuffer();
            FloatBuffer tileBuffer = tileBytes.asFloatBuffer();
            (intoImage ? tileBuffer : imageBuffer).get(from, intoImage ? tiles : image, 0, length);
            int z = 0;
            for (int s = 0; s < length / perSample; s++) {
                for (int channel = 0; channel < out; channel++) {
                    float offset = offsets[channel];
                    for (int y = 0; y < h; y++) {
                        int row = (s * h + y) * w;
                        for (int ky = 0; ky < k; ky++) {
                            int column = channel * k * k + ky * k;
                            for (int x = 0; x < w; x++) {
                                int t = (row + x) * tileWidth + column;
                                for (int kx = 0; kx < k; kx++, z++) {
                                    if (intoImage) {
                                        image[z] = tiles[t + kx] + offset;
                                    } else {
                                        tiles[t + kx] = image[z];
                                    }
                                }
                            }
                        }
                    }
                }
            }
            (intoImage ? imageBuffer : tileBuffer).put(from, intoImage ? image : tiles, 0, length);
            return Boolean.TRUE;
        });
    }

    private static float[] grown(float[] array, int length) {
        return array != null && array.length >= length ? array : new float[length];
    }
}
