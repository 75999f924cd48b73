package org.aesweep.engine;

import java.util.Collection;
import java.util.Objects;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a fused dense layer: K independent dense layers side by side, so that K runs
 * of one network shape can be trained in a single network ("fused training"), paying DL4J's
 * per-op overhead once for all K instead of once per run.
 *
 * <p>The input is {@code [batch, K*branchIn]}, column block k being branch k's input; the output is
 * {@code [batch, K*branchOut]}, block k = activation(X_k W_k + b_k). Branches share nothing. As
 * for any {@link FeedForwardLayer}, {@code nIn} and {@code nOut} are the layer's total widths
 * ({@code K*branchIn} and {@code K*branchOut}), so DL4J's shape inference works unchanged; the
 * builder takes either the totals or the per-branch widths.
 *
 * <pre>{@code
 * new FusedDenseLayer.Builder().branches(8).branchIn(784).branchOut(32)
 *         .activation(Activation.RELU).build()
 * }</pre>
 *
 * <p>Each branch's weights are initialised on their own, with fan-in {@code branchIn} and fan-out
 * {@code branchOut}, as a solo {@code DenseLayer} of that shape would be. Parameters are laid out so
 * that branch k's weights (f-order {@code [branchIn, branchOut]}) and then all biases follow
 * each other in DL4J's flat parameter vector; see {@link FusedDenseParamInitializer}. Layer
 * normalisation, no-bias mode and weight noise other than DL4J's generic one are not supported.
 */
public class FusedDenseLayer extends FeedForwardLayer {
    private static final long serialVersionUID = 1L;

    private int branches = 1;
    /** False for a first layer, whose input is data: no gradient is computed for it (see the Builder). */
    private boolean inputGradient = true;

    /** For JSON deserialisation. */
    public FusedDenseLayer() {
        super();
    }

    private FusedDenseLayer(Builder builder) {
        super(builder);
        this.branches = builder.branches;
        this.inputGradient = builder.inputGradient;
        initializeConstraints(builder);
    }

    public int getBranches() {
        return branches;
    }

    public void setBranches(int branches) {
        if (branches < 1) {
            throw new IllegalArgumentException("FusedDenseLayer needs at least one branch, got " + branches);
        }
        this.branches = branches;
    }

    public boolean isInputGradient() {
        return inputGradient;
    }

    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }

    /** Input width of one branch. */
    public long branchIn() {
        return perBranch(getNIn(), "nIn");
    }

    /** Output width of one branch. */
    public long branchOut() {
        return perBranch(getNOut(), "nOut");
    }

    private long perBranch(long total, String what) {
        if (total <= 0 || total % branches != 0) {
            throw new IllegalStateException("FusedDenseLayer " + getLayerName() + ": " + what + " = " + total
                    + " is not a positive multiple of the " + branches + " branches");
        }
        return total / branches;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        branchIn();
        branchOut();
        return LayerWiring.wire(new FusedDenseImpl(conf, networkDataType), this, conf, listeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return FusedDenseParamInitializer.getInstance();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType outputType = getOutputType(-1, inputType);
        long numParams = initializer().numParams(this);
        long updaterState = getIUpdater() == null ? 0 : getIUpdater().stateSize(numParams);
        // Training: the pre-activations the forward pass keeps for backprop (beside the activations,
        // which DL4J accounts for, as it does the epsilon to the previous layer), and an input copy
        // if dropout is on.
        long trainVariable = outputType.arrayElementsPerExample();
        if (getIDropout() != null) {
            trainVariable += inputType.arrayElementsPerExample();
        }
        return new LayerMemoryReport.Builder(layerName, FusedDenseLayer.class, inputType, outputType)
                .standardMemory(numParams, updaterState)
                .workingMemory(0, 0, 0, trainVariable)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    @Override
    public FusedDenseLayer clone() {
        return (FusedDenseLayer) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FusedDenseLayer other) || !super.equals(o)) {
            return false;
        }
        return branches == other.branches && inputGradient == other.inputGradient;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), branches, inputGradient);
    }

    @Override
    public String toString() {
        return "FusedDenseLayer(branches=" + branches + ", nIn=" + getNIn() + ", nOut=" + getNOut()
                + ", activation=" + getActivationFn() + ", inputGradient=" + inputGradient + ")";
    }

    /**
     * Builder: {@code branches(K)} plus either the totals {@code nIn/nOut} or the per-branch widths
     * {@code branchIn/branchOut} (per-branch widths win when both are given).
     */
    public static class Builder extends FeedForwardLayer.Builder<Builder> {
        private int branches = 1;
        private long branchIn;
        private long branchOut;
        private boolean inputGradient = true;

        public Builder branches(int branches) {
            if (branches < 1) {
                throw new IllegalArgumentException("FusedDenseLayer needs at least one branch, got " + branches);
            }
            this.branches = branches;
            return this;
        }

        public Builder branchIn(long branchIn) {
            this.branchIn = branchIn;
            return this;
        }

        public Builder branchOut(long branchOut) {
            this.branchOut = branchOut;
            return this;
        }

        /**
         * {@code false} for the first layer of a network, whose input is the data: backprop then
         * skips the product that would give the gradient with respect to the input (a third of
         * the layer's backprop work), and returns null in its place, which MultiLayerNetwork's
         * training accepts for its first layer. Leave it {@code true} where a caller needs the
         * input gradient.
         */
        public Builder inputGradient(boolean inputGradient) {
            this.inputGradient = inputGradient;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public FusedDenseLayer build() {
            if (branchIn > 0) {
                setNIn(branchIn * branches);
            }
            if (branchOut > 0) {
                setNOut(branchOut * branches);
            }
            return new FusedDenseLayer(this);
        }
    }
}
