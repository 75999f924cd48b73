package org.aesweep.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.aesweep.grid.RunConfig;
import org.aesweep.model.Autoencoder;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One run's book of epochs, whoever trains it (alone, or as a branch of a fused network): after
 * each epoch it evaluates the model on the test set, records the metrics, tells the listener and
 * applies the stopping rules; it says when the run has ended and with what.
 */
final class RunEpochs {
    private final RunConfig config;
    private final Autoencoder model;
    private final TestSetEvaluator testSet;
    private final StoppingRules rules;
    private final RunTrainer.EpochListener listener;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private String message;
    private StoppingRules.Stop failure;

    RunEpochs(RunConfig config, Autoencoder model, INDArray test, RunTrainer.EpochListener listener) {
        this.config = config;
        this.model = model;
        this.testSet = new TestSetEvaluator(model, config, test);
        this.rules = new StoppingRules(config.stopping());
        this.listener = listener;
    }

    /**
     * Records an epoch the model has just trained; true when the run must not train further
     * (it diverged or stopped early). {@link #result} then, or after the last epoch, gives its outcome.
     */
    boolean afterEpoch(int epoch, double trainLoss, double seconds, int samples) {
        Optional<StoppingRules.Stop> diverged = rules.afterTraining(epoch, trainLoss, epochs);
        if (diverged.isPresent()) {
            failure = diverged.get();
            return true;
        }
        EpochMetrics metrics = new EpochMetrics(epoch, trainLoss, testSet.testLoss(), testSet.denoisingTestLoss(),
                seconds, samples / seconds);
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

    /** The run's outcome; a finished run's includes the final model's loss on the whole clean {@code train}. */
    TrainedRun result(INDArray train) {
        if (failure != null) {
            return new TrainedRun(model, epochs, failure.status(), failure.message(), Double.NaN);
        }
        return new TrainedRun(model, epochs, RunStatus.OK, message, new LossEvaluator(model).evaluate(train, train));
    }
}
