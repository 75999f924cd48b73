package org.aesweep.analysis;

import java.util.List;

import org.aesweep.engine.kernels.ConvexPotential;
import org.aesweep.model.Autoencoder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One grid point's replicates on the clean test set, as its decomposition needs them: each
 * replicate's parameters ({@link DecompositionKind#parameters}) at every test pixel, in single
 * precision, and per image the sums over its pixels of what is linear in the replicates, so that
 * only the potential at means of replicates ({@link PotentialAtMeans}) needs the pixels again.
 * Memory: 4 bytes per replicate and test pixel (N = 8 replicates of 10,000 MNIST images: 250 MB),
 * and 8 per test pixel for the targets while it is built.
 */
final class ReplicateParameters {
    /** Images reconstructed at a time. */
    private static final int CHUNK = 1000;

    private final DecompositionKind kind;
    private final int pixels;
    private final float[][] parameters;
    private final double[][] lossSums;
    private final double[][] potentialSums;
    private final double[] noiseSums;

    private ReplicateParameters(DecompositionKind kind, int pixels, float[][] parameters, double[] targets) {
        if (parameters.length < 2) {
            throw new IllegalArgumentException("variance over replicates needs at least 2, got " + parameters.length);
        }
        this.kind = kind;
        this.pixels = pixels;
        this.parameters = parameters;
        int images = targets.length / pixels;
        ConvexPotential potential = kind.potential();
        lossSums = new double[parameters.length][images];
        potentialSums = new double[parameters.length][images];
        noiseSums = new double[images];
        for (int m = 0; m < images; m++) {
            for (int p = m * pixels; p < (m + 1) * pixels; p++) {
                noiseSums[m] += kind.noise(targets[p]);
                for (int r = 0; r < parameters.length; r++) {
                    double value = potential.value(parameters[r][p]);
                    potentialSums[r][m] += value;
                    lossSums[r][m] += kind.loss(targets[p], parameters[r][p], value);
                }
            }
        }
    }

    /**
     * The replicates' reconstructions of {@code cleanTest} (one image per row, in the runs' input
     * scaling), made a chunk of images at a time so that ND4J holds one chunk per replicate.
     */
    static ReplicateParameters reconstruct(List<Autoencoder> replicates, INDArray cleanTest, DecompositionKind kind) {
        int images = (int) cleanTest.rows();
        int pixels = (int) cleanTest.columns();
        float[][] parameters = new float[replicates.size()][Math.multiplyExact(images, pixels)];
        for (int start = 0; start < images; start += CHUNK) {
            int end = Math.min(images, start + CHUNK);
            INDArray x = cleanTest.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).castTo(DataType.FLOAT);
            for (int r = 0; r < replicates.size(); r++) {
                float[] chunk = floats(kind.parameters(replicates.get(r).reconstruct(x)));
                System.arraycopy(chunk, 0, parameters[r], start * pixels, chunk.length);
            }
        }
        return new ReplicateParameters(kind, pixels, parameters, doubles(cleanTest));
    }

    /** {@code outputs} (one per replicate, each of the targets' shape: one image per row) of {@code targets}. */
    static ReplicateParameters of(INDArray targets, List<INDArray> outputs, DecompositionKind kind) {
        float[][] parameters = new float[outputs.size()][];
        for (int r = 0; r < outputs.size(); r++) {
            if (!outputs.get(r).equalShapes(targets)) {
                throw new IllegalArgumentException("replicate " + r + " has shape " + outputs.get(r).shapeInfoToString()
                        + ", the targets " + targets.shapeInfoToString());
            }
            parameters[r] = floats(kind.parameters(outputs.get(r)));
        }
        return new ReplicateParameters(kind, (int) targets.columns(), parameters, doubles(targets));
    }

    DecompositionKind kind() {
        return kind;
    }

    ConvexPotential potential() {
        return kind.potential();
    }

    int replicates() {
        return parameters.length;
    }

    int images() {
        return noiseSums.length;
    }

    int pixels() {
        return pixels;
    }

    /** [replicate][image * pixels + pixel]; not to be modified. */
    float[][] parameters() {
        return parameters;
    }

    /** Replicate r's loss summed over image m's pixels: [r][m]. */
    double lossSum(int replicate, int image) {
        return lossSums[replicate][image];
    }

    /** The potential of replicate r's parameters summed over image m's pixels (in double precision): [r][m]. */
    double potentialSum(int replicate, int image) {
        return potentialSums[replicate][image];
    }

    /** The targets' noise summed over image m's pixels (0 without a noise term). */
    double noiseSum(int image) {
        return noiseSums[image];
    }

    /** The values of a matrix in row order, as doubles. */
    private static double[] doubles(INDArray matrix) {
        try (INDArray rowMajor = matrix.castTo(DataType.DOUBLE).dup('c')) {
            return rowMajor.data().asDouble();
        }
    }

    /** The values of a matrix in row order, as floats. */
    private static float[] floats(INDArray matrix) {
        try (INDArray rowMajor = matrix.castTo(DataType.FLOAT).dup('c')) {
            return rowMajor.data().asFloat();
        }
    }
}
