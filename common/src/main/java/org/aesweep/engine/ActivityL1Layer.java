package org.aesweep.engine;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Implementation of {@link ActivityL1}: the output is the input, the loss gains
 * {@code lambda * sum|a| / N} and the gradient flowing back into the regularised layer gains
 * {@code lambda * sign(a)}.
 *
 * <p><b>Score.</b> The penalty reaches the score through {@link #calcRegularizationScore(boolean)},
 * which DL4J 1.0.0-M2.1 sums over all layers and passes as {@code fullNetRegTerm} to the output
 * layer's {@code computeScore} in all three places a MultiLayerNetwork computes a score:
 * {@code computeGradientAndScore()} (so {@code score()} after {@code fit}), {@code score(DataSet,
 * boolean)} and {@code scoreExamples(DataSet, true)}. In each, the forward pass runs first, so the
 * penalty is computed in {@link #activate} from the current minibatch and kept as a plain
 * {@code double}: no array outlives its workspace, and the value survives DL4J clearing layer
 * inputs after a detached forward pass. The output layer divides the summed data loss by the
 * minibatch size when {@code miniBatch} is on (DL4J's default) and then adds the term unscaled,
 * so the penalty is divided by the minibatch size here, under the same condition.
 * {@code scoreExamples} adds that minibatch-mean penalty to every example rather than each
 * example's own penalty (the API hands layers no per-example slot); the mean over examples is
 * still the score.
 *
 * <p><b>Gradient.</b> DL4J backpropagates per-example loss gradients summed over the minibatch and
 * divides parameter gradients by the minibatch size in the updater (again only with
 * {@code miniBatch} on). So {@link #backpropGradient} adds the undivided {@code lambda * sign(a)}
 * to epsilon, which after the updater's division is exactly the derivative of the score term
 * above, with or without {@code miniBatch}. sign(0) = 0 is used as the subgradient at 0.
 *
 * <p><b>Workspaces.</b> As DL4J's own ActivationLayer does: the forward output is a copy of the
 * input in the ACTIVATIONS workspace during training (leveraged, not copied, in inference), and
 * the returned epsilon is a fresh ACTIVATION_GRAD array built from the stored input, which DL4J
 * keeps valid from the forward pass until backprop ends.
 *
 * <p>Masks are not applied: with a per-time-step mask, masked steps are penalised too.
 */
public class ActivityL1Layer extends AbstractLayer<ActivityL1> {
    private static final long serialVersionUID = 1L;

    /** The penalty term, as it enters the score, for the last forward pass. */
    private double penalty;

    public ActivityL1Layer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private double lambda() {
        return layerConf().getLambda();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        penalty = computePenalty(input);
        return training
                ? workspaceMgr.dup(ArrayType.ACTIVATIONS, input, input.ordering())
                : workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, input);
    }

    private double computePenalty(INDArray activations) {
        double lambda = lambda();
        if (lambda == 0) {
            return 0;
        }
        double sumAbs = activations.norm1Number().doubleValue();
        if (conf().isMiniBatch()) {
            long n = getInputMiniBatchSize() > 0 ? getInputMiniBatchSize() : activations.size(0);
            sumAbs /= n;
        }
        return lambda * sumAbs;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray delta = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, input, epsilon.ordering());
        double lambda = lambda();
        if (lambda == 0) {
            delta.assign(epsilon);
        } else {
            Transforms.sign(delta, false).muli(lambda).addi(epsilon);
        }
        return new Pair<>(new DefaultGradient(), delta);
    }

    /**
     * The penalty of the last forward pass (see the class comment); {@code backpropOnlyParams} is
     * irrelevant since this layer has no parameters.
     */
    @Override
    public double calcRegularizationScore(boolean backpropOnlyParams) {
        return penalty;
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
        // no parameters
    }

    @Override
    public INDArray params() {
        return null;
    }
}
