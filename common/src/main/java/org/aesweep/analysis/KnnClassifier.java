package org.aesweep.analysis;

import java.util.Arrays;
import java.util.List;

import org.aesweep.vector.KernelThreads;
import org.aesweep.vector.VectorApi;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * k-NN classification accuracy by squared Euclidean distance, exact (every reference is compared);
 * a tied vote goes to the class of the nearest. Queries go in chunks: one product gives every
 * reference's dot product with the chunk's queries, written column-major so that each query's
 * distances lie contiguous in one buffer, which is copied out in bulk and scanned in Java, the
 * chunk's queries split over the task's threads. With the Vector API the scan tests 16 distances
 * at a time against the current k-th best and only looks closer at a group that beats it, which
 * after the first few hundred references almost none does. (Row-major products and toFloatMatrix
 * had made this the slowest part of a small run; 5-NN of 10,000 test codes among 60,000 training
 * codes then took 11.5 s.)
 */
final class KnnClassifier {
    private static final int CHUNK = 256;

    private KnnClassifier() {
    }

    static double accuracy(INDArray reference, int[] referenceLabels, INDArray queries, int[] queryLabels, int k) {
        INDArray references = reference.castTo(DataType.FLOAT);
        int referenceCount = (int) references.rows();
        // |q - r|^2 = |r|^2 - 2 q.r, dropping |q|^2, which does not change the order for one query.
        float[] referenceNorms = references.mul(references).sum(1).toFloatVector();
        int classes = Math.max(Arrays.stream(referenceLabels).max().orElse(0),
                Arrays.stream(queryLabels).max().orElse(0)) + 1;
        float[] products = new float[referenceCount * CHUNK];
        INDArray fullChunkDots = Nd4j.create(DataType.FLOAT, new long[] {referenceCount, CHUNK}, 'f');
        long correct = 0;
        for (long start = 0; start < queries.rows(); start += CHUNK) {
            int size = (int) (Math.min(queries.rows(), start + CHUNK) - start);
            INDArray chunk = queries.get(NDArrayIndex.interval(start, start + size), NDArrayIndex.all())
                    .castTo(DataType.FLOAT);
            INDArray dots = size == CHUNK ? fullChunkDots
                    : Nd4j.create(DataType.FLOAT, new long[] {referenceCount, size}, 'f');
            references.mmuli(chunk.transpose(), dots);
            dots.data().asNioFloat().get(products, 0, referenceCount * size);
            int first = (int) start;
            List<Integer> parts = KernelThreads.split(size * referenceCount, referenceCount, (from, to) -> {
                int hits = 0;
                for (int row = from / referenceCount; row < to / referenceCount; row++) {
                    int[] nearest = nearest(products, row * referenceCount, referenceNorms, k);
                    hits += vote(nearest, referenceLabels, classes) == queryLabels[first + row] ? 1 : 0;
                }
                return hits;
            });
            correct += parts.stream().mapToInt(Integer::intValue).sum();
        }
        return (double) correct / queries.rows();
    }

    /**
     * Indices of the k references nearest to one query, nearest first, from the query's dot products
     * (at {@code offset}, one per reference) and the references' squared norms.
     */
    private static int[] nearest(float[] dots, int offset, float[] norms, int k) {
        NearestK best = new NearestK(Math.min(k, norms.length));
        int scanned = VectorApi.available() ? NearestScan.offerBeaten(dots, offset, norms, best) : 0;
        for (int j = scanned; j < norms.length; j++) {
            best.offer(norms[j] - 2 * dots[offset + j], j);
        }
        return best.indices();
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
