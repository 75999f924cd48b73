package org.aesweep.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class LossEvaluatorTest {
    /** More than one chunk, the last partial. */
    private static final int SAMPLES = 2500;

    @Test
    void fusedFormScoresAsTheRunsOwnLayersDoWithTheParametersItWasGiven() {
        INDArray clean = SyntheticImages.matrix(SAMPLES, 21);
        INDArray noisy = NoiseModels.create(NoiseKind.GAUSSIAN, 0.3, 5).corrupt(clean);
        List<RunConfig> runs = List.of(TestRuns.shallow(8).build(),
                TestRuns.shallow(8).loss(LossKind.MSE).build(),
                TestRuns.shallow(4).kind(ArchitectureKind.DEEP, List.of(24)).build(),
                TestRuns.shallow(6).kind(ArchitectureKind.LINEAR, List.of()).build());
        for (RunConfig run : runs) {
            Autoencoder model = AutoencoderFactory.build(run, SyntheticImages.SIDE, SyntheticImages.SIDE);
            assertEquals(RunEngine.FUSED, RunEngine.of(run));
            LossEvaluator reference = RunEngine.OWN_LAYERS.evaluator(run, model);
            // Cross-entropy sums reach doubles early on both paths; squared errors are summed in floats
            // over 2M elements, in a different order on each path.
            double tolerance = run.recipe().loss() == LossKind.BCE ? 1e-6 : 2e-5;
            trainOneStep(model, clean);
            LossEvaluator fused = RunEngine.FUSED.evaluator(run, model);
            double before = fused.evaluate(noisy, clean);
            assertEquals(reference.evaluate(noisy, clean), before, tolerance * before,
                    run.architecture().label() + " " + run.recipe().loss());
            assertEquals(reference.evaluate(clean, clean), fused.evaluate(clean, clean), tolerance * before);

            trainOneStep(model, clean);
            assertEquals(before, fused.evaluate(noisy, clean), "it holds the parameters it was given");
            double after = RunEngine.FUSED.evaluator(run, model).evaluate(noisy, clean);
            assertNotEquals(before, after);
            assertEquals(reference.evaluate(noisy, clean), after, tolerance * after);
        }
    }

    /**
     * One forward pass gives a set's loss and codes: the loss equals the run's evaluation of the whole
     * network (DL4J's own score where the run has no fused form), and the codes equal the code
     * layer's activations as DL4J's feedForwardToLayer gives them.
     */
    @ParameterizedTest
    @MethodSource("everyArchitecture")
    void oneForwardPassGivesTheSetsLossAndItsCodes(RunConfig run) {
        INDArray clean = SyntheticImages.matrix(SAMPLES, 33);
        Autoencoder model = AutoencoderFactory.build(run, SyntheticImages.SIDE, SyntheticImages.SIDE);
        trainOneStep(model, clean);
        LossEvaluator evaluator = RunEngine.of(run).evaluator(run, model);
        LossEvaluator.CodedLoss coded = evaluator.evaluateAndEncode(clean);

        double reference = evaluator.evaluate(clean, clean);
        assertEquals(reference, coded.loss(), 1e-6 * reference, run.architecture().label() + " " + run.recipe().loss());
        assertArrayEquals(new long[] {SAMPLES, run.architecture().codeSize()}, coded.codes().shape());
        for (long start : new long[] {0, SAMPLES - 7}) {
            INDArray rows = clean.get(NDArrayIndex.interval(start, start + 7), NDArrayIndex.all());
            INDArray direct = model.network().feedForwardToLayer(model.codeLayerIndex(), model.networkInput(rows), false)
                    .get(model.codeLayerIndex() + 1);
            INDArray fromPass = coded.codes().get(NDArrayIndex.interval(start, start + 7), NDArrayIndex.all());
            assertTrue(direct.equalsWithEps(fromPass, 1e-5), run.architecture().label() + " codes of rows from " + start);
        }
    }

    static Stream<RunConfig> everyArchitecture() {
        return Stream.of(TestRuns.shallow(8).build(),
                TestRuns.shallow(6).kind(ArchitectureKind.LINEAR, List.of()).loss(LossKind.MSE).build(),
                TestRuns.shallow(4).deep(List.of(24)).build(),
                TestRuns.shallow(8).kind(ArchitectureKind.SPARSE, List.of()).build(),
                TestRuns.shallow(5).kind(ArchitectureKind.CONV, List.of(4, 8)).build(),
                TestRuns.shallow(5).kind(ArchitectureKind.LSTM, List.of(10)).loss(LossKind.MSE).build());
    }

    private static void trainOneStep(Autoencoder model, INDArray images) {
        INDArray batch = images.get(NDArrayIndex.interval(0, 64), NDArrayIndex.all());
        model.network().fit(model.networkInput(batch), model.networkTarget(batch));
    }
}
