package org.aesweep.engine;

import org.aesweep.engine.kernels.DenseVectorKernel;
import org.aesweep.engine.kernels.FlatFloats;
import org.aesweep.engine.kernels.VectorApi;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The element-wise work of {@link FusedDenseImpl} around its matrix products: bias add,
 * activation, and activation backprop with the bias gradient. ReLU and identity on contiguous
 * c-order float arrays go to {@link DenseVectorKernel} when the Vector API is there; everything
 * else (other activations, masks, double precision) to ND4J's ops, with the same results.
 */
final class DenseElementwise {
    private static final ActivationReLU PLAIN_RELU = new ActivationReLU();

    private DenseElementwise() {
    }

    /** z += bias on every row. */
    static void addBias(INDArray z, INDArray bias) {
        if (rowMajorFlat(z) && FlatFloats.isFlat(bias) && bias.length() == z.size(1)) {
            DenseVectorKernel.addBias(FlatFloats.bytes(z), FlatFloats.bytes(bias), (int) z.size(0), (int) z.size(1));
        } else {
            z.addiRowVector(bias);
        }
    }

    /**
     * The activation of z for training, in an ACTIVATIONS array, leaving z as it is (backprop reuses
     * it); for the identity that is z itself.
     */
    static INDArray activateKeepingInput(INDArray z, IActivation activation, LayerWorkspaceMgr workspaceMgr) {
        if (activation instanceof ActivationIdentity) {
            return z;
        }
        if (PLAIN_RELU.equals(activation) && rowMajorFlat(z)) {
            INDArray a = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, z.dataType(), z.shape(), 'c');
            DenseVectorKernel.relu(FlatFloats.bytes(z), FlatFloats.bytes(a), (int) z.length());
            return a;
        }
        return activation.getActivation(workspaceMgr.dup(ArrayType.ACTIVATIONS, z), true);
    }

    /**
     * The gradient with respect to z, with its column sums written into {@code biasGradient}. Like
     * DL4J's activations it may overwrite z (a ReLU's gradient goes there) but leaves it alone
     * for the identity, whose z is the next layer's input: a LossLayer still scores it after backprop.
     */
    static INDArray backprop(INDArray z, INDArray epsilon, IActivation activation, INDArray biasGradient) {
        boolean relu = PLAIN_RELU.equals(activation);
        if ((relu || activation instanceof ActivationIdentity) && rowMajorFlat(z) && rowMajorFlat(epsilon)
                && z.equalShapes(epsilon) && FlatFloats.isFlat(biasGradient) && biasGradient.length() == z.size(1)) {
            int rows = (int) z.size(0);
            int cols = (int) z.size(1);
            if (relu) {
                DenseVectorKernel.reluBackprop(FlatFloats.bytes(z), FlatFloats.bytes(epsilon),
                        FlatFloats.bytes(biasGradient), rows, cols);
                return z;
            }
            DenseVectorKernel.columnSums(FlatFloats.bytes(epsilon), FlatFloats.bytes(biasGradient), rows, cols);
            return epsilon;
        }
        INDArray delta = activation.backprop(z, epsilon).getFirst();
        delta.sum(biasGradient, 0);
        return delta;
    }

    private static boolean rowMajorFlat(INDArray array) {
        return VectorApi.available() && FlatFloats.isRowMajorMatrix(array);
    }
}
