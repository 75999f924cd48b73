package org.aesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.spec.InputScaling;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.OutputActivation;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the report and the decode tool draw: a [-1, 1] run's reconstructions and decodings come back
 * as [0, 1] intensities, its network fed the scaled images; a [0, 1] run's are its network's own.
 */
class SavedRunImagesTest {
    private static final int SIDE = SyntheticImages.SIDE;

    private static SavedRun run(RunConfig config) {
        Autoencoder model = AutoencoderFactory.build(config, SIDE, SIDE);
        INDArray batch = SyntheticImages.matrix(64, 2);
        INDArray scaled = config.architecture().inputScaling() == InputScaling.UNIT ? batch : batch.mul(2).subi(1);
        model.network().fit(model.networkInput(scaled), model.networkTarget(scaled));
        return new SavedRun(config, model, SIDE, SIDE);
    }

    @Test
    void aSymmetricRunsPicturesAreItsOutputsMappedBackToUnitIntensities() {
        SavedRun saved = run(TestRuns.shallow(4).output(OutputActivation.TANH, InputScaling.SYMMETRIC)
                .loss(LossKind.MSE).build());
        INDArray images = SyntheticImages.matrix(10, 3);
        INDArray codes = Nd4j.rand(DataType.FLOAT, 5, 4).muli(4);

        INDArray reconstructed = saved.reconstructedImages(images);
        INDArray decoded = saved.decodedImages(codes);

        INDArray expectedReconstruction = saved.model().reconstruct(images.mul(2).subi(1)).addi(1).divi(2);
        assertTrue(expectedReconstruction.equalsWithEps(reconstructed, 1e-6));
        assertTrue(saved.model().decode(codes).addi(1).divi(2).equalsWithEps(decoded, 1e-6));
        for (INDArray picture : new INDArray[] {reconstructed, decoded}) {
            assertTrue(picture.minNumber().doubleValue() >= 0 && picture.maxNumber().doubleValue() <= 1,
                    "[0, 1] intensities: " + picture.minNumber() + ".." + picture.maxNumber());
        }
        assertTrue(saved.model().decode(codes).minNumber().doubleValue() < 0, "the tanh output itself goes below 0");
    }

    @Test
    void aUnitRunsPicturesAreItsNetworksOutputs() {
        SavedRun saved = run(TestRuns.shallow(4).build());
        INDArray images = SyntheticImages.matrix(10, 3);
        INDArray codes = Nd4j.rand(DataType.FLOAT, 5, 4);

        assertEquals(saved.model().reconstruct(images), saved.reconstructedImages(images));
        assertEquals(saved.model().decode(codes), saved.decodedImages(codes));
    }
}
