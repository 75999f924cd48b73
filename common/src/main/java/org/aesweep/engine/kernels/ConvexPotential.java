package org.aesweep.engine.kernels;

/**
 * A convex function φ applied per element, whose Jensen gaps mean_i φ(t_i) − φ(mean_i t_i) measure
 * how far values t_i spread: the square (the gap is their plug-in variance) and the softplus
 * log(1 + e^t), the log-partition function of a Bernoulli distribution with logit t (the gap of
 * logits is the mean KL divergence from their normalised geometric mean to each distribution).
 */
public enum ConvexPotential {
    SQUARE,
    SOFTPLUS;

    /**
     * φ(t) in double precision. The softplus is max(t, 0) + log(1 + e^-|t|), to within 2e-16 of its
     * value: log1p would be exact in relative terms too, but it is no JIT intrinsic and takes several
     * times longer, and the gaps made of φ are differences, which need only absolute accuracy.
     */
    public double value(double t) {
        return switch (this) {
            case SQUARE -> t * t;
            case SOFTPLUS -> Math.max(t, 0) + Math.log(1 + Math.exp(-Math.abs(t)));
        };
    }
}
