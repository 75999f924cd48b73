package org.aesweep.train;

import org.aesweep.spec.NoiseKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Creates the noise model of a run from its kind, level and seed. */
public final class NoiseModels {
    private NoiseModels() {
    }

    public static NoiseModel create(NoiseKind kind, double level, long seed) {
        if (!kind.accepts(level)) {
            throw new IllegalArgumentException(kind.specName() + " noise does not take level " + level);
        }
        if (kind == NoiseKind.NONE || level == 0.0) {
            return Identity.INSTANCE;
        }
        return switch (kind) {
            case GAUSSIAN -> new Gaussian(level, true, seed);
            case GAUSSIAN_UNCLIPPED -> new Gaussian(level, false, seed);
            case MASKING -> new Masking(level, 1.0, seed);
            case DROPOUT -> new Masking(level, 1.0 / (1.0 - level), seed);
            case SALT_AND_PEPPER -> new SaltAndPepper(level, seed);
            case NONE -> Identity.INSTANCE;
        };
    }

    /** The model that leaves inputs as they are. */
    public static NoiseModel none() {
        return Identity.INSTANCE;
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
     * The random models share a private ND4J generator per run, so concurrent runs in one executor
     * JVM never share a stream and a run's noise depends on its seed only.
     */
    private abstract static class Seeded implements NoiseModel {
        private final org.nd4j.linalg.api.rng.Random random;

        Seeded(long seed) {
            this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        }

        /** A fresh array shaped like {@code like} filled by {@code distribution}. */
        INDArray draw(INDArray like, java.util.function.Function<INDArray, RandomOp> distribution) {
            INDArray values = Nd4j.createUninitialized(like.dataType(), like.shape());
            Nd4j.getExecutioner().exec(distribution.apply(values), random);
            return values;
        }

        @Override
        public boolean isIdentity() {
            return false;
        }
    }

    /**
     * Additive N(0, sigma^2) noise, clipped back to [0, 1], the pixel range, or left unclipped as
     * Keras' GaussianNoise layer adds it.
     */
    private static final class Gaussian extends Seeded {
        private final double sigma;
        private final boolean clipped;

        Gaussian(double sigma, boolean clipped, long seed) {
            super(seed);
            this.sigma = sigma;
            this.clipped = clipped;
        }

        @Override
        public INDArray corrupt(INDArray clean) {
            INDArray noisy = draw(clean, values -> new GaussianDistribution(values, 0.0, sigma)).addi(clean);
            if (!clipped) {
                return noisy;
            }
            Transforms.max(noisy, 0.0, false);
            return Transforms.min(noisy, 1.0, false);
        }
    }

    /**
     * Keeps each input with probability 1 - level, times {@code keptScale}, and zeroes the rest:
     * masking keeps inputs as they are, dropout scales them by 1/(1 - level) as Keras' Dropout does.
     */
    private static final class Masking extends Seeded {
        private final double level;
        private final double keptScale;

        Masking(double level, double keptScale, long seed) {
            super(seed);
            this.level = level;
            this.keptScale = keptScale;
        }

        @Override
        public INDArray corrupt(INDArray clean) {
            INDArray kept = draw(clean, values -> new BernoulliDistribution(values, 1.0 - level)).muli(clean);
            return keptScale == 1.0 ? kept : kept.muli(keptScale);
        }
    }

    /** With probability level an input becomes 0 (pepper) or 1 (salt), each half the time. */
    private static final class SaltAndPepper extends Seeded {
        private final double level;

        SaltAndPepper(double level, long seed) {
            super(seed);
            this.level = level;
        }

        @Override
        public INDArray corrupt(INDArray clean) {
            INDArray uniform = draw(clean, values -> new UniformDistribution(values, 0.0, 1.0));
            INDArray hit = uniform.lt(level).castTo(clean.dataType());
            INDArray pepper = uniform.lt(level / 2).castTo(clean.dataType());
            // Untouched inputs keep their value; hit ones become 1 for salt and 0 for pepper.
            return clean.mul(hit.rsub(1.0)).addi(hit.subi(pepper));
        }
    }
}
