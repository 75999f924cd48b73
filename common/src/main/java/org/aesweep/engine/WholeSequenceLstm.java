package org.aesweep.engine;

import java.util.Collection;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of an LSTM layer that treats the whole sequence at once: every step's input
 * projection in one matrix product, each step's element-wise work in one pass, gradients from
 * whole-sequence products (see {@link WholeSequenceLstmImpl}), instead of DL4J's several ops per
 * time step.
 *
 * <p>The cell is DL4J's {@code LSTM} without peepholes: sigmoid gates, tanh cell and output
 * activations, forget-gate bias initialised to 1, input and recurrent weights drawn by the layer's
 * weight initialisation with DL4J's fan-in {@code nOut} and fan-out {@code nIn + nOut}. Input and
 * output are {@code [batch, features, time]} (DL4J's NCW); masks are not supported (the study's
 * sequences all have one length). Parameters: {@code W [nIn, 4*nOut]}, {@code RW [nOut, 4*nOut]}
 * and {@code b [4*nOut]}, gates in the order input, forget, cell, output.
 */
public class WholeSequenceLstm extends BaseRecurrentLayer {
    private static final long serialVersionUID = 1L;
    /** DL4J's LSTM default: a forget gate open at the start lets gradients through early training. */
    static final double FORGET_GATE_BIAS = 1.0;

    /** For JSON deserialisation. */
    public WholeSequenceLstm() {
        super();
    }

    private WholeSequenceLstm(Builder builder) {
        super(builder);
        if (builder.getRnnDataFormat() != RNNFormat.NCW) {
            throw new IllegalArgumentException("WholeSequenceLstm takes [batch, features, time] (NCW) input only");
        }
        initializeConstraints(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return LayerWiring.wire(new WholeSequenceLstmImpl(conf, networkDataType), this, conf, listeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return WholeSequenceLstmParams.INSTANCE;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType outputType = getOutputType(-1, inputType);
        long numParams = initializer().numParams(this);
        long updaterState = getIUpdater() == null ? 0 : getIUpdater().stateSize(numParams);
        // Training keeps the input as time-major rows and, per output unit and step, the four gates,
        // the cell state, its tanh and the output, for backprop.
        long trainVariable = inputType.arrayElementsPerExample() + 7 * outputType.arrayElementsPerExample();
        return new LayerMemoryReport.Builder(layerName, WholeSequenceLstm.class, inputType, outputType)
                .standardMemory(numParams, updaterState)
                .workingMemory(0, 0, 0, trainVariable)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    @Override
    public WholeSequenceLstm clone() {
        return (WholeSequenceLstm) super.clone();
    }

    /** {@code new WholeSequenceLstm.Builder().nOut(100).build()}; nIn is inferred from the input type. */
    public static class Builder extends BaseRecurrentLayer.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public WholeSequenceLstm build() {
            return new WholeSequenceLstm(this);
        }
    }
}
