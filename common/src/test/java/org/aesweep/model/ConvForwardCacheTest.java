package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The conv net's convolutions keep their forward pre-activations for backprop, which changes no result. */
class ConvForwardCacheTest {
    private static final RunConfig CONV = TestRuns.shallow(5).kind(ArchitectureKind.CONV, List.of(4, 8)).build();

    @Test
    void convolutionsHoldTheirPreActivationsWhenBackpropStarts() {
        Autoencoder model = AutoencoderFactory.build(CONV, SyntheticImages.SIDE, SyntheticImages.SIDE);
        MultiLayerNetwork network = model.network();
        assertEquals(ConvAutoencoder.FORWARD_CACHE, network.getLayerWiseConfigurations().getCacheMode());
        List<Boolean> cached = new ArrayList<>();
        network.setListeners(new BaseTrainingListener() {
            @Override
            public void onBackwardPass(Model ignored) {
                for (Layer layer : network.getLayers()) {
                    // The transposed convolutions extend ConvolutionLayer and compute their own way.
                    if (layer.getClass() == ConvolutionLayer.class) {
                        cached.add(((BaseLayer<?>) layer).getPreOutput() != null);
                    }
                }
            }
        });
        INDArray batch = SyntheticImages.matrix(16, 2);
        network.fit(model.networkInput(batch), model.networkTarget(batch));
        assertEquals(List.of(true, true), cached, "each convolution's pre-activations, at the backward pass");
    }

    @Test
    void trainingWithTheCacheGivesTheSameParametersAsWithout() {
        Autoencoder cached = AutoencoderFactory.build(CONV, SyntheticImages.SIDE, SyntheticImages.SIDE);
        Autoencoder recomputed = AutoencoderFactory.build(CONV, SyntheticImages.SIDE, SyntheticImages.SIDE);
        recomputed.network().getLayerWiseConfigurations().setCacheMode(CacheMode.NONE);
        recomputed.network().setCacheMode(CacheMode.NONE);
        INDArray images = SyntheticImages.matrix(96, 4);
        for (int step = 0; step < 3; step++) {
            INDArray batch = images.get(NDArrayIndex.interval(step * 32, step * 32 + 32), NDArrayIndex.all());
            cached.network().fit(cached.networkInput(batch), cached.networkTarget(batch));
            recomputed.network().fit(recomputed.networkInput(batch), recomputed.networkTarget(batch));
        }
        assertTrue(cached.network().params().equals(recomputed.network().params()),
                "the cache must not change a single parameter");
    }
}
