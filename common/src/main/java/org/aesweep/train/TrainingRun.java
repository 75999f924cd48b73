package org.aesweep.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import org.aesweep.engine.kernels.FlatFloats;
import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.spec.RunConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run while it trains, whoever drives the steps (alone, or as a branch of a fused network):
 * its plain DL4J network, its minibatch order and noise stream (both seeded by the run), and its
 * book of epochs. After each epoch it scores the run on the test set (and on the validation set
 * when it has one) through the evaluator its trainer gave it, records the metrics, tells the listener and applies the stopping rules; it says
 * when the run has ended and with what.
 */
final class TrainingRun {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    private final RunConfig config;
    private final Autoencoder model;
    private final NoiseModel noise;
    private final Random order;
    private final LossEvaluator evaluator;
    private final TestSetEvaluator testSet;
    private final INDArray validation;
    private final StoppingRules rules;
    private final EpochListener listener;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final StepBuffers batchBuffers = new StepBuffers();
    private String message;
    private StoppingRules.Stop failure;
    private boolean ended;

    /** @param evaluatorOf the evaluator that scores the run, given its plain network */
    TrainingRun(RunConfig config, TrainingArrays data, EpochListener listener,
                Function<Autoencoder, LossEvaluator> evaluatorOf) {
        this.config = config;
        this.model = AutoencoderFactory.build(config, data.rows(), data.cols());
        this.noise = ScaledNoise.of(config.architecture().inputScaling(),
                NoiseModels.create(config.noise().kind(), config.noise().level(), config.runSeed()));
        this.order = new Random(config.runSeed());
        this.evaluator = evaluatorOf.apply(model);
        this.testSet = new TestSetEvaluator(evaluator, config, data.test());
        this.validation = data.validation();
        this.rules = new StoppingRules(config.recipe().stopping(), SelectionLoss.of(config));
        this.listener = listener;
    }

    Autoencoder model() {
        return model;
    }

    /** This epoch's order of the {@code samples} training rows. */
    int[] epochOrder(int samples) {
        return Permutations.of(samples, order);
    }

    /**
     * Rows {@code [start, end)} of the epoch's order as network input (freshly noised) and clean
     * target, gathered a memcpy per row ({@link FlatFloats#gatherRows}; ND4J's getRows and
     * pullRows are slower, see docs/performance.md). The clean rows land in a buffer this run reuses
     * ({@link StepBuffers}), so the returned arrays are valid until the next call.
     */
    DataSet minibatch(INDArray train, int[] epochOrder, int start, int end) {
        INDArray clean = batchBuffers.get(train.dataType(), end - start, train.columns());
        if (FlatFloats.canGatherRows(train, clean)) {
            FlatFloats.gatherRows(train, epochOrder, start, end, clean);
        } else {
            Nd4j.pullRows(train, clean, 1, Arrays.copyOfRange(epochOrder, start, end));
        }
        return new DataSet(model.networkInput(noise.corrupt(clean)), model.networkTarget(clean));
    }

    /** True once an epoch ended the run; it then takes no more epochs. */
    boolean ended() {
        return ended;
    }

    /**
     * Records an epoch the model has just trained; true when the run must not train further
     * (it diverged or stopped early). {@link #result} then, or after the last epoch, gives its outcome.
     */
    boolean afterEpoch(int epoch, double trainLoss, double seconds, int samples) {
        ended = recordEpoch(epoch, trainLoss, seconds, samples);
        return ended;
    }

    private boolean recordEpoch(int epoch, double trainLoss, double seconds, int samples) {
        Optional<StoppingRules.Stop> diverged = rules.afterTraining(epoch, trainLoss, epochs);
        if (diverged.isPresent()) {
            failure = diverged.get();
            return true;
        }
        long evaluationStart = System.nanoTime();
        double testLoss = testSet.testLoss();
        double denoisingTestLoss = testSet.denoisingTestLoss();
        double validationLoss = validation == null ? Double.NaN : evaluator.evaluate(validation, validation);
        EpochMetrics metrics = new EpochMetrics(epoch, trainLoss, testLoss, validationLoss, denoisingTestLoss, seconds,
                samples / seconds, (System.nanoTime() - evaluationStart) / 1e9);
        epochs.add(metrics);
        listener.onEpoch(config, metrics);
        Optional<StoppingRules.Stop> stop = rules.afterEvaluation(epochs);
        if (stop.isEmpty()) {
            return false;
        }
        if (stop.get().status() != RunStatus.OK) {
            failure = stop.get();
        } else {
            message = stop.get().message();
        }
        return true;
    }

    /** The run's outcome; a finished run's includes the final model's loss on the whole clean {@code train} and its codes. */
    TrainedRun result(INDArray train) {
        if (failure != null) {
            return TrainedRun.unfinished(model, epochs, failure.status(), failure.message());
        }
        long start = System.nanoTime();
        LossEvaluator.CodedLoss onTrainingSet = evaluator.evaluateAndEncode(train);
        LOG.info(String.format(Locale.ROOT, "run %s final training loss and codes: %.2f s", config.runId(),
                (System.nanoTime() - start) / 1e9));
        return TrainedRun.finished(model, epochs, message, onTrainingSet);
    }
}
