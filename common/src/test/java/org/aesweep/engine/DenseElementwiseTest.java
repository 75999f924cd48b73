package org.aesweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Vector API path of {@link DenseElementwise} (c-order float) against ND4J's ops on the same
 * values (reached with f-order copies), for ReLU and identity, with a width that is not a multiple
 * of the vector length; and the identity's z left as it was.
 */
class DenseElementwiseTest {
    private static final int ROWS = 9;
    private static final int COLS = 37;

    @ParameterizedTest
    @ValueSource(strings = {"RELU", "IDENTITY"})
    void kernelsGiveWhatNd4jsOpsGive(String name) {
        IActivation activation = Activation.valueOf(name).getActivationFunction();
        Nd4j.getRandom().setSeed(3);
        INDArray z = Nd4j.randn(DataType.FLOAT, ROWS, COLS);
        INDArray bias = Nd4j.randn(DataType.FLOAT, 1, COLS);
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, ROWS, COLS);
        INDArray zReference = z.dup('f');

        DenseElementwise.addBias(z, bias);
        DenseElementwise.addBias(zReference, bias);
        assertTrue(zReference.equalsWithEps(z, 1e-6), "bias add");

        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        INDArray zBefore = z.dup();
        INDArray a = DenseElementwise.activateKeepingInput(z, activation, noWorkspaces);
        INDArray aReference = DenseElementwise.activateKeepingInput(zReference, activation, noWorkspaces);
        assertTrue(aReference.equalsWithEps(a, 1e-6), "activation");
        assertEquals(zBefore, z, "z is kept for backprop");

        INDArray biasGradient = Nd4j.createUninitialized(DataType.FLOAT, 1, COLS);
        INDArray biasGradientReference = Nd4j.create(DataType.FLOAT, 1, COLS);
        INDArray delta = DenseElementwise.backprop(z, epsilon, activation, biasGradient);
        INDArray deltaReference = DenseElementwise.backprop(zReference, epsilon.dup('f'), activation,
                biasGradientReference);
        assertTrue(deltaReference.equalsWithEps(delta, 1e-6), "activation gradient");
        assertTrue(biasGradientReference.equalsWithEps(biasGradient, 1e-5), "bias gradient");
        if (name.equals("IDENTITY")) {
            assertSame(epsilon, delta);
            assertEquals(zBefore, z, "an identity layer's z is the next layer's input and stays as it was");
        }
    }
}
