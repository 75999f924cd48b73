package org.aesweep.engine;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

import org.aesweep.vector.KernelThreads;

/**
 * The reorderings of a {@link TiledDeconvolution2D} as plain JVM loops over float buffers: each
 * input pixel's tile of {@code out x k x k} values, computed as one matrix row, goes to its k x k
 * block of every output channel, and back. libnd4j does these as six-dimensional permuted copies
 * whose innermost dimensions are k = 2 long, several times slower than a loop that walks the image
 * in order. Samples are split over the task's threads.
 *
 * <p>Layouts: tiles {@code [n*h*w, out*k*k]} row-major (pixel rows in n, y, x order; each row
 * out-major, then ky, kx); image {@code [n, out, h*k, w*k]} in c order.
 */
final class TileReorder {
    private TileReorder() {
    }

    /** image = the tiles moved into place, plus {@code bias[channel]}. */
    static void toImage(ByteBuffer tiles, FloatBuffer bias, ByteBuffer image, int n, int h, int w, int out, int k) {
        walk(image, tiles, bias, true, n, h, w, out, k);
    }

    /** tiles = the image's k x k blocks gathered back into pixel rows (the reverse of {@link #toImage}, without bias). */
    static void toTiles(ByteBuffer image, ByteBuffer tiles, int n, int h, int w, int out, int k) {
        walk(image, tiles, null, false, n, h, w, out, k);
    }

    /** Visits every image element in memory order with the tile element it pairs with. */
    private static void walk(ByteBuffer imageBytes, ByteBuffer tileBytes, FloatBuffer bias, boolean intoImage, int n,
                             int h, int w, int out, int k) {
        int perSample = out * h * k * w * k;
        int tileWidth = out * k * k;
        KernelThreads.split(n * perSample, perSample, (from, to) -> {
            FloatBuffer image = imageBytes.asFloatBuffer();
            FloatBuffer tiles = tileBytes.asFloatBuffer();
            for (int s = from / perSample; s < to / perSample; s++) {
                int z = s * perSample;
                for (int channel = 0; channel < out; channel++) {
                    float offset = bias == null ? 0f : bias.get(channel);
                    for (int y = 0; y < h; y++) {
                        int row = (s * h + y) * w;
                        for (int ky = 0; ky < k; ky++) {
                            int column = channel * k * k + ky * k;
                            for (int x = 0; x < w; x++) {
                                int t = (row + x) * tileWidth + column;
                                for (int kx = 0; kx < k; kx++, z++) {
                                    if (intoImage) {
                                        image.put(z, tiles.get(t + kx) + offset);
                                    } else {
                                        tiles.put(t + kx, image.get(z));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return Boolean.TRUE;
        });
    }
}
