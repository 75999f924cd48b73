package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.aesweep.data.DatasetLoader;
import org.aesweep.data.TrainTestSplit;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.OptimizerKind;
import org.aesweep.testing.TestRuns;
import org.aesweep.train.OwnLayersTrainer;
import org.aesweep.train.TrainedRun;
import org.aesweep.train.TrainingArrays;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A linear autoencoder trained with MSE is PCA in disguise: its reconstruction error must approach
 * the rank-c optimum that an SVD of the centred data gives, and its decoder must span the
 * principal subspace.
 */
class LinearAutoencoderPcaTest {

    /** Per-element MSE of the best rank-c reconstruction: the discarded squared singular values. */
    private static double pcaOptimum(INDArray data, int rank, INDArray[] basisOut) {
        INDArray centred = data.subRowVector(data.mean(0)).castTo(DataType.DOUBLE).dup('f');
        long n = centred.rows();
        long d = centred.columns();
        INDArray s = Nd4j.create(DataType.DOUBLE, Math.min(n, d));
        INDArray vt = Nd4j.create(DataType.DOUBLE, new long[] {d, d}, 'f');
        Nd4j.getBlasWrapper().lapack().gesvd(centred, s, null, vt);
        double discarded = 0;
        for (long i = rank; i < s.length(); i++) {
            discarded += s.getDouble(i) * s.getDouble(i);
        }
        if (basisOut != null) {
            basisOut[0] = vt;
        }
        return discarded / (n * d);
    }

    @Test
    void onPointsNearATiltedPlaneItFindsThePlaneAndThePcaError() {
        Random random = new Random(3);
        // The plane spanned by u and v, tilted against every axis, plus small noise along its normal.
        double[] u = {0.8, 0.2, 0.5};
        double[] v = {-0.3, 0.9, 0.2};
        int n = 600;
        float[] points = new float[n * 3];
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian() * 2;
            double b = random.nextGaussian();
            double noise = random.nextGaussian() * 0.2;
            double[] normal = cross(u, v);
            for (int k = 0; k < 3; k++) {
                points[i * 3 + k] = (float) (a * u[k] + b * v[k] + noise * normal[k] / norm(normal) + 1.0);
            }
        }
        INDArray data = Nd4j.create(points, new long[] {n, 3}, DataType.FLOAT);
        TrainedRun run = new OwnLayersTrainer((c, m) -> { }).train(TestRuns.shallow(2).kind(ArchitectureKind.LINEAR,
                        java.util.List.of()).loss(LossKind.MSE).optimizer(OptimizerKind.ADAM, 0.01).batchSize(60).epochs(300).build(),
                new TrainingArrays(data, data, 1, 3));

        INDArray[] basis = new INDArray[1];
        double optimum = pcaOptimum(data, 2, basis);
        assertEquals(optimum, run.fullTrainLoss(), 0.02 * optimum, "within 2% of the rank-2 PCA error");

        // The decoder's two weight rows span the learned plane; its normal must match the third
        // principal direction to within 5 degrees.
        INDArray decoder = run.model().network().getLayer(1).getParam("W").castTo(DataType.DOUBLE);
        double[] learnedNormal = cross(decoder.getRow(0).toDoubleVector(), decoder.getRow(1).toDoubleVector());
        double[] principalNormal = basis[0].getRow(2).toDoubleVector();
        double cosine = Math.abs(dot(learnedNormal, principalNormal)) / (norm(learnedNormal) * norm(principalNormal));
        double degrees = Math.toDegrees(Math.acos(Math.min(1.0, cosine)));
        assertTrue(degrees < 5, "learned plane is " + degrees + " degrees off the principal plane");
    }

    @Test
    void onAFashionMnistSubsetWithCode16ItReachesThePcaError() throws Exception {
        Path data = Path.of("..", "data").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(data.resolve("fashion-mnist")), "run submit/fetch-data.sh first");
        TrainTestSplit split = DatasetLoader.load("fashion-mnist", data.toString(), 1000, 10, 5, new Configuration());
        TrainingArrays arrays = TrainingArrays.of(split.train(), split.test());
        TrainedRun run = new OwnLayersTrainer((c, m) -> { }).train(TestRuns.shallow(16).kind(ArchitectureKind.LINEAR,
                java.util.List.of()).loss(LossKind.MSE).optimizer(OptimizerKind.ADAM, 0.003).batchSize(100).epochs(150)
                .build(), arrays);

        double optimum = pcaOptimum(arrays.train(), 16, null);
        System.out.printf("linear AE c=16 on 1000 Fashion-MNIST images: MSE %.6f, PCA optimum %.6f%n",
                run.fullTrainLoss(), optimum);
        assertTrue(run.fullTrainLoss() >= optimum * 0.999, "no linear map beats PCA");
        assertTrue(run.fullTrainLoss() <= optimum * 1.02, run.fullTrainLoss() + " vs PCA " + optimum);
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
