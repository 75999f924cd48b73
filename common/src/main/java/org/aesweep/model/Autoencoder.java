package org.aesweep.model;

import org.aesweep.engine.LayerInference;
import org.aesweep.engine.SigmoidBinaryCrossEntropy;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A trainable autoencoder: the network, the index of the layer whose activations are the code and
 * the shape they have there, how flat image rows are fed to it, and the factor that turns its DL4J
 * score into a per-element mean loss. Everything outside works on flat (n, rows*cols) batches and
 * (n, code size) codes.
 *
 * <p>A network trained with {@link SigmoidBinaryCrossEntropy} outputs logits (its output layer is
 * IDENTITY and the loss applies the sigmoid), so {@link #decode} and {@link #reconstruct} apply the
 * sigmoid themselves and always return intensities in [0, 1]. Networks with a sigmoid output layer
 * (every MSE net but linear MSE, and BCE nets saved before the fused loss) are returned as they are.
 */
public final class Autoencoder {
    /** Samples per forward pass when a whole set is encoded or scored. */
    public static final int SAMPLES_PER_PASS = 2000;
    private static final String DECODER_WORKSPACE = "AESWEEP_DECODER";
    private static final WorkspaceConfiguration DECODER_WORKSPACE_CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.05).policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT).policySpill(SpillPolicy.REALLOCATE)
            .policyAllocation(AllocationPolicy.OVERALLOCATE).build();

    private final MultiLayerNetwork network;
    private final int codeLayerIndex;
    private final CodeShape codeShape;
    private final InputLayout inputLayout;
    private final InputLayout outputLayout;
    private final int rows;
    private final int cols;
    private final double scoreToPerElement;
    private final boolean outputsLogits;

    Autoencoder(MultiLayerNetwork network, int codeLayerIndex, InputLayout layout, int rows, int cols,
                double scoreToPerElement) {
        this(network, codeLayerIndex, CodeShape.VECTOR, layout, layout, rows, cols, scoreToPerElement);
    }

    /** For networks whose output (and so training target) is shaped unlike their input, or whose code is a map. */
    Autoencoder(MultiLayerNetwork network, int codeLayerIndex, CodeShape codeShape, InputLayout inputLayout,
                InputLayout outputLayout, int rows, int cols, double scoreToPerElement) {
        this.network = network;
        this.codeLayerIndex = codeLayerIndex;
        this.codeShape = codeShape;
        this.inputLayout = inputLayout;
        this.outputLayout = outputLayout;
        this.rows = rows;
        this.cols = cols;
        this.scoreToPerElement = scoreToPerElement;
        this.outputsLogits = outputsLogits(network);
    }

    /**
     * This autoencoder around another network of the same layers' shapes, such as one restored from
     * a model file that an earlier aesweep wrote with other layer implementations.
     */
    public Autoencoder withNetwork(MultiLayerNetwork other) {
        if (other.getnLayers() != network.getnLayers() || other.numParams() != network.numParams()) {
            throw new IllegalArgumentException("a network of " + other.getnLayers() + " layers and " + other.numParams()
                    + " parameters cannot stand in for one of " + network.getnLayers() + " and " + network.numParams());
        }
        return new Autoencoder(other, codeLayerIndex, codeShape, inputLayout, outputLayout, rows, cols,
                scoreToPerElement);
    }

    /** Whether another network has this one's layer types, layer by layer, so that its parameters fit this one. */
    public boolean hasLayerTypesOf(MultiLayerNetwork other) {
        if (other.getnLayers() != network.getnLayers()) {
            return false;
        }
        for (int i = 0; i < network.getnLayers(); i++) {
            if (other.getLayerWiseConfigurations().getConf(i).getLayer().getClass()
                    != network.getLayerWiseConfigurations().getConf(i).getLayer().getClass()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the network's output is the logit of a sigmoid applied only inside its loss: an
     * IDENTITY output layer scored by {@link SigmoidBinaryCrossEntropy}.
     */
    public static boolean outputsLogits(MultiLayerNetwork network) {
        Layer last = network.getLayerWiseConfigurations().getConf(network.getnLayers() - 1).getLayer();
        ILossFunction loss;
        if (last instanceof BaseOutputLayer output) {
            loss = output.getLossFn();
        } else if (last instanceof CnnLossLayer cnnLoss) {
            loss = cnnLoss.getLossFn();
        } else if (last instanceof LossLayer lossLayer) {
            loss = lossLayer.getLossFn();
        } else if (last instanceof RnnLossLayer rnnLoss) {
            loss = rnnLoss.getLossFn();
        } else {
            return false;
        }
        return loss instanceof SigmoidBinaryCrossEntropy
                && ((BaseLayer) last).getActivationFn() instanceof ActivationIdentity;
    }

    private INDArray intensities(INDArray networkOutput) {
        return outputsLogits ? Transforms.sigmoid(networkOutput, true) : networkOutput;
    }

    /** Height of the images the network was built for. */
    public int rows() {
        return rows;
    }

    /** Width of the images the network was built for. */
    public int cols() {
        return cols;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public int codeLayerIndex() {
        return codeLayerIndex;
    }

    public long parameterCount() {
        return network.numParams();
    }

    /** Multiply a DL4J data score (no regularisation terms) of this network by this to get the per-element mean loss. */
    public double scoreToPerElement() {
        return scoreToPerElement;
    }

    /**
     * The per-element reconstruction loss behind a score the network has just computed: the
     * regularisation terms of that same forward pass (a sparse run's activity penalty) are taken
     * out, so every architecture reports the same quantity.
     */
    public double perElementLoss(double score) {
        return perElementLoss(network, score, scoreToPerElement);
    }

    /** {@link #perElementLoss(double)} for code that holds only the network and its factor (parameter-averaging workers). */
    public static double perElementLoss(MultiLayerNetwork network, double score, double scoreToPerElement) {
        return (score - network.calcRegularizationScore(true)) * scoreToPerElement;
    }

    /** Flat image rows in the shape this network takes as input. */
    public INDArray networkInput(INDArray flat) {
        return inputLayout.toNetwork(flat, rows, cols);
    }

    /** Flat image rows in the shape of this network's output, i.e. as training targets. */
    public INDArray networkTarget(INDArray flat) {
        return outputLayout.toNetwork(flat, rows, cols);
    }

    /**
     * The code layer's activations as code rows, shape (n, code size) (see {@link CodeShape} for a
     * map code's order), in inference mode. Large sets go through in chunks, so they never need one
     * activation array for every sample at once.
     */
    public INDArray encode(INDArray flat) {
        if (flat.rows() <= SAMPLES_PER_PASS) {
            return codeShape.toRows(LayerInference.outputOf(network, codeLayerIndex, networkInput(flat)));
        }
        INDArray[] chunks = new INDArray[(int) ((flat.rows() + SAMPLES_PER_PASS - 1) / SAMPLES_PER_PASS)];
        for (int i = 0; i < chunks.length; i++) {
            long start = (long) i * SAMPLES_PER_PASS;
            chunks[i] = encode(flat.get(NDArrayIndex.interval(start, Math.min(flat.rows(), start + SAMPLES_PER_PASS)),
                    NDArrayIndex.all()));
        }
        return Nd4j.vstack(chunks);
    }

    /**
     * Decodes code vectors, shape (n, code size), into flat reconstructions (n, rows*cols) in [0, 1] for BCE nets.
     * Walks the decoder's layers itself: DL4J's activateSelectedLayers sizes input pre-processors by
     * the network's last training input, which a model loaded from disk does not have.
     */
    public INDArray decode(INDArray codes) {
        int last = network.getnLayers() - 1;
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        INDArray activations = network.getLayer(last).activate(decoderInputTo(last, codes, noWorkspaces), false,
                noWorkspaces);
        return outputLayout.toFlat(intensities(activations), rows, cols);
    }

    /**
     * The per-element loss of reconstructing flat {@code targets} from their {@code codes}: the
     * decoder's half of a forward pass, scored by the network's own output layer as
     * {@link MultiLayerNetwork#score} scores it, without regularisation terms. With {@link #encode}
     * it gives a set's loss and its codes in one forward pass.
     */
    public double lossFromCodes(INDArray codes, INDArray targets) {
        int last = network.getnLayers() - 1;
        IOutputLayer output = (IOutputLayer) network.getLayer(last);
        INDArray labels = networkTarget(targets);
        LayerWorkspaceMgr decoderMemory = LayerWorkspaceMgr.builder().defaultWorkspace(DECODER_WORKSPACE,
                DECODER_WORKSPACE_CONFIG).build();
        try (MemoryWorkspace workspace = decoderMemory.notifyScopeEntered(ArrayType.ACTIVATIONS)) {
            output.setInput(decoderInputTo(last, codes, decoderMemory), decoderMemory);
            output.setLabels(labels);
            return output.computeScore(0, false, decoderMemory) * scoreToPerElement;
        } finally {
            output.clear();
        }
    }

    /**
     * The input of decoder layer {@code layer} (its pre-processor applied) for code rows {@code codes},
     * in inference mode.
     */
    private INDArray decoderInputTo(int layer, INDArray codes, LayerWorkspaceMgr noWorkspaces) {
        MultiLayerConfiguration configuration = network.getLayerWiseConfigurations();
        int batch = (int) codes.size(0);
        INDArray activations = codeShape.toNetwork(codes);
        for (int i = codeLayerIndex + 1; i <= layer; i++) {
            InputPreProcessor preProcessor = configuration.getInputPreProcess(i);
            if (preProcessor != null) {
                activations = preProcessor.preProcess(activations, batch, noWorkspaces);
            }
            if (i < layer) {
                activations = network.getLayer(i).activate(activations, false, noWorkspaces);
            }
        }
        return activations;
    }

    /** Reconstructions of flat inputs, as flat rows (intensities, the sigmoid already applied for BCE nets). */
    public INDArray reconstruct(INDArray flat) {
        return outputLayout.toFlat(intensities(network.output(networkInput(flat), false)), rows, cols);
    }
}
