package org.aesweep.engine;

import java.util.Collection;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.params.EmptyParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of an L1 activity regulariser: a parameter-free pass-through layer that, placed
 * directly after a layer (normally the code layer of an autoencoder), adds
 * {@code lambda * mean over the minibatch of sum over units of |a|} to the network's loss, where
 * {@code a} is that layer's output. This is Keras' {@code activity_regularizer=l1(lambda)}.
 *
 * <pre>{@code
 * builder.list()
 *     .layer(new DenseLayer.Builder().nIn(784).nOut(32).activation(Activation.RELU).build())
 *     .layer(new ActivityL1(1e-4))          // or new ActivityL1.Builder().lambda(1e-4).build()
 *     .layer(new OutputLayer.Builder(LossFunction.XENT).nIn(32).nOut(784)...build())
 * }</pre>
 *
 * <p>The layer's output equals its input, so {@code feedForward} lists the code twice (at the
 * code layer's index and at this layer's). It never applies dropout: a global dropout setting is
 * ignored here, since dropout on the code belongs to the following layer (which applies it to its
 * own input anyway). See {@link ActivityL1Layer} for how the penalty enters score and gradient.
 */
public class ActivityL1 extends NoParamLayer {
    private static final long serialVersionUID = 1L;

    private double lambda;

    /** For JSON deserialisation. */
    public ActivityL1() {
        super();
    }

    public ActivityL1(double lambda) {
        this(new Builder().lambda(lambda));
    }

    private ActivityL1(Builder builder) {
        super(builder);
        setLambda(builder.lambda);
    }

    public double getLambda() {
        return lambda;
    }

    public void setLambda(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("ActivityL1 lambda must be finite and >= 0, got " + lambda);
        }
        this.lambda = lambda;
    }

    /** Dropout is never applied by this layer (see the class comment), so it is never stored. */
    @Override
    public void setIDropout(IDropout dropout) {
        super.setIDropout(null);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return LayerWiring.wire(new ActivityL1Layer(conf, networkDataType), this, conf, listeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return EmptyParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType == null) {
            throw new IllegalStateException("Invalid input type for ActivityL1 layer (index " + layerIndex
                    + ", name " + getLayerName() + "): null");
        }
        return inputType;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        // Any input shape is accepted as is.
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        // Training: one activation-sized copy of the input (forward) and one gradient-sized array
        // (backward); no parameters, no cache.
        long perExample = inputType.arrayElementsPerExample();
        return new LayerMemoryReport.Builder(layerName, ActivityL1.class, inputType, inputType)
                .standardMemory(0, 0)
                .workingMemory(0, 0, 0, perExample)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    @Override
    public ActivityL1 clone() {
        return (ActivityL1) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ActivityL1)) {
            return false;
        }
        ActivityL1 other = (ActivityL1) o;
        return super.equals(o) && Double.compare(lambda, other.lambda) == 0;
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof ActivityL1;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Double.hashCode(lambda);
    }

    @Override
    public String toString() {
        return "ActivityL1(layerName=" + getLayerName() + ", lambda=" + lambda + ")";
    }

    /** Builder in DL4J's style; {@code lambda} defaults to 0 (no penalty). */
    public static class Builder extends org.deeplearning4j.nn.conf.layers.Layer.Builder<Builder> {
        private double lambda;

        public Builder lambda(double lambda) {
            this.lambda = lambda;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public ActivityL1 build() {
            return new ActivityL1(this);
        }
    }
}
