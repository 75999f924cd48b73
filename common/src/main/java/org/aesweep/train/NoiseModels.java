package org.aesweep.train;

import org.aesweep.grid.NoiseKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Creates the noise model of a run from its kind, level and seed. */
public final class NoiseModels {
    private NoiseModels() {
    }

    public static NoiseModel create(NoiseKind kind, double level, long seed) {
        if (kind == NoiseKind.NONE || level == 0.0) {
            return Identity.INSTANCE;
        }
        if (kind == NoiseKind.GAUSSIAN) {
            return new Gaussian(level, seed);
        }
        throw new IllegalArgumentException("noise kind " + kind.specName() + " is not implemented");
    }

    private enum Identity implements NoiseModel {
        INSTANCE;

        @Override
        public INDArray corrupt(INDArray clean) {
            return clean;
        }

        @Override
        public boolean isIdentity() {
            return true;
        }
    }

    /**
     * Additive N(0, sigma^2) noise clipped back to [0, 1], the pixel range. Uses a private ND4J
     * random generator so concurrent runs in one executor JVM do not share a stream.
     */
    private static final class Gaussian implements NoiseModel {
        private final double sigma;
        private final Random random;

        Gaussian(double sigma, long seed) {
            this.sigma = sigma;
            this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        }

        @Override
        public INDArray corrupt(INDArray clean) {
            INDArray noise = Nd4j.createUninitialized(clean.dataType(), clean.shape());
            Nd4j.getExecutioner().exec(new GaussianDistribution(noise, 0.0, sigma), random);
            INDArray noisy = noise.addi(clean);
            Transforms.max(noisy, 0.0, false);
            return Transforms.min(noisy, 1.0, false);
        }

        @Override
        public boolean isIdentity() {
            return false;
        }
    }
}
