package org.aesweep.probes;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.aesweep.engine.kernels.FlatFloats;
import org.aesweep.engine.kernels.KernelThreads;
import org.aesweep.engine.kernels.VectorApi;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * k-NN classification accuracy by squared Euclidean distance, exact (every reference is compared);
 * a tied vote goes to the class of the nearest. Each reference carries its squared norm as an extra
 * coordinate and each query {@code -2q} and a 1, so one product gives {@code |r|^2 - 2 q.r}: the
 * distance less {@code |q|^2}, which does not change one query's ranking. Products go a tile at a
 * time (a chunk of queries against a block of references, about 4 MB, column-major so each query's
 * distances lie contiguous), and each tile is scanned where it lies off-heap while it is still in
 * cache, the chunk's queries split over the task's threads. A product against all references at
 * once is larger than the cache, so the product, a copy and the scan would each stream it through
 * main memory.
 */
final class KnnClassifier {
    private static final int QUERY_CHUNK = 256;
    static final int REFERENCE_BLOCK = 4096;

    private KnnClassifier() {
    }

    static double accuracy(INDArray reference, int[] referenceLabels, INDArray queries, int[] queryLabels, int k) {
        INDArray references = normAugmented(reference.castTo(DataType.FLOAT));
        int classes = Math.max(Arrays.stream(referenceLabels).max().orElse(0),
                Arrays.stream(queryLabels).max().orElse(0)) + 1;
        // Allocating each tile off-heap cost more than computing it: full tiles share one array.
        INDArray fullTile = Nd4j.create(DataType.FLOAT,
                new long[] {Math.min(REFERENCE_BLOCK, references.rows()), QUERY_CHUNK}, 'f');
        long correct = 0;
        for (long start = 0; start < queries.rows(); start += QUERY_CHUNK) {
            INDArray chunk = queries.get(NDArrayIndex.interval(start, Math.min(queries.rows(), start + QUERY_CHUNK)),
                    NDArrayIndex.all());
            NearestK[] nearest = nearest(references, queryAugmented(chunk.castTo(DataType.FLOAT)), k, fullTile);
            for (int q = 0; q < nearest.length; q++) {
                correct += vote(nearest[q].indices(), referenceLabels, classes) == queryLabels[(int) start + q] ? 1 : 0;
            }
        }
        return (double) correct / queries.rows();
    }

    /** Each query's k nearest references, from augmented rows, block by block. */
    private static NearestK[] nearest(INDArray references, INDArray queries, int k, INDArray fullTile) {
        int size = (int) queries.rows();
        int referenceCount = (int) references.rows();
        NearestK[] nearest = new NearestK[size];
        for (int q = 0; q < size; q++) {
            nearest[q] = new NearestK(Math.min(k, referenceCount));
        }
        for (int block = 0; block < referenceCount; block += REFERENCE_BLOCK) {
            int rows = Math.min(referenceCount, block + REFERENCE_BLOCK) - block;
            INDArray distances = rows == fullTile.rows() && size == fullTile.columns() ? fullTile
                    : Nd4j.create(DataType.FLOAT, new long[] {rows, size}, 'f');
            references.get(NDArrayIndex.interval(block, block + rows), NDArrayIndex.all())
                    .mmuli(queries.transpose(), distances);
            ByteBuffer tile = FlatFloats.bytes(distances);
            int first = block;
            KernelThreads.split(size * rows, rows, (from, to) -> {
                for (int q = from / rows; q < to / rows; q++) {
                    offer(tile, q * rows, rows, first, nearest[q]);
                }
                return 0;
            });
        }
        return nearest;
    }

    /** Rows {@code [r, |r|^2]}. */
    private static INDArray normAugmented(INDArray references) {
        return Nd4j.hstack(references, references.mul(references).sum(true, 1));
    }

    /** Rows {@code [-2q, 1]}. */
    private static INDArray queryAugmented(INDArray queries) {
        return Nd4j.hstack(queries.mul(-2f), Nd4j.ones(DataType.FLOAT, queries.rows(), 1));
    }

    /** Offers one query's {@code count} distances at {@code offset}, references {@code first} onward. */
    private static void offer(ByteBuffer distances, int offset, int count, int first, NearestK best) {
        int scanned = VectorApi.available() ? NearestScan.offerBeaten(distances, offset, count, first, best) : 0;
        for (int j = scanned; j < count; j++) {
            best.offer(distances.getFloat((offset + j) * Float.BYTES), first + j);
        }
    }

    private static int vote(int[] neighbours, int[] labels, int classes) {
        int[] votes = new int[classes];
        int winner = labels[neighbours[0]];
        for (int neighbour : neighbours) {
            int label = labels[neighbour];
            votes[label]++;
            if (votes[label] > votes[winner]) {
                winner = label;
            }
        }
        return winner;
    }
}
