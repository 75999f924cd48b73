package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.aesweep.engine.ActivityL1;
import org.aesweep.engine.ActivityL1Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** A network containing {@link ActivityL1} survives JSON and ModelSerializer round trips. */
class SparseSerializationTest {
    private static final double LAMBDA = 3e-3;

    @Test
    void modelSerializerRoundTripKeepsOutputsScoreAndLambda() throws IOException {
        INDArray x = SparseTrainingTest.data(11);
        DataSet data = new DataSet(x, x);
        MultiLayerNetwork net = SparseTrainingTest.autoencoder(LAMBDA);
        for (int i = 0; i < 5; i++) {
            net.fit(data);
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
                new ByteArrayInputStream(bytes.toByteArray()), true);

        ActivityL1 conf = (ActivityL1) restored.getLayer(1).conf().getLayer();
        assertEquals(LAMBDA, conf.getLambda(), 0.0);
        assertTrue(restored.getLayer(1) instanceof ActivityL1Layer);
        assertEquals(net.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations());
        assertTrue(net.output(x).equalsWithEps(restored.output(x), 1e-6), "same outputs");
        assertEquals(net.score(data), restored.score(data), 1e-6, "same score, penalty included");
        assertEquals(net.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray());

        // Training continues identically from the restored copy.
        net.fit(data);
        restored.fit(data);
        assertTrue(net.params().equalsWithEps(restored.params(), 1e-6), "same params after one more step");
    }

    @Test
    void jsonRoundTripAndShapeInference() {
        MultiLayerConfiguration conf = SparseTrainingTest.autoencoder(LAMBDA).getLayerWiseConfigurations();
        String json = conf.toJson();
        assertTrue(json.contains(ActivityL1.class.getName()), json);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
        assertEquals(conf, back);
        assertEquals(LAMBDA, ((ActivityL1) back.getConf(1).getLayer()).getLambda(), 0.0);

        ActivityL1 layer = new ActivityL1(0.5);
        assertEquals(InputType.feedForward(16), layer.getOutputType(1, InputType.feedForward(16)));
        assertEquals(0, layer.initializer().numParams(layer));
        assertTrue(layer.getMemoryReport(InputType.feedForward(16)).getTotalMemoryBytes(
                4, org.deeplearning4j.nn.conf.memory.MemoryUseMode.TRAINING,
                org.deeplearning4j.nn.conf.CacheMode.NONE,
                org.nd4j.linalg.api.buffer.DataType.FLOAT) >= 0);
        assertEquals(layer, layer.clone());
        assertThrows(IllegalArgumentException.class, () -> new ActivityL1(-1));
        assertThrows(IllegalArgumentException.class, () -> new ActivityL1(Double.NaN));
    }
}
