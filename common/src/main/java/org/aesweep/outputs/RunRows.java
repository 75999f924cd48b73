package org.aesweep.outputs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.aesweep.Version;
import org.aesweep.spec.ReplicateSampling;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.train.EpochMetrics;
import org.aesweep.train.SelectionLoss;
import org.aesweep.train.TrainedRun;

/** Turns a run's config and outcome into the Avro rows of the runs and epoch_metrics tables. */
final class RunRows {
    private RunRows() {
    }

    static RunRow runRow(TrainedRun trained, RunContext context) {
        RunConfig config = context.run().config();
        EpochMetrics last = trained.lastEpoch();
        // Only a validation split may choose an epoch: without one the column stays null rather than
        // name the epoch the test set liked best.
        int bestEpoch = config.data().hasValidation() ? trained.bestEpoch(SelectionLoss.VALIDATION) : 0;
        ReplicateSampling sampling = config.data().sampling();
        return RunRow.newBuilder(GridPointColumns.fill(new RunRow(), config))
                .setArchitectureKind(config.architecture().kind().specName())
                .setHiddenSizes(new ArrayList<>(config.architecture().hiddenSizes()))
                .setActivation(config.architecture().activation())
                .setDecoderSizes(new ArrayList<>(config.architecture().decoderSizes()))
                .setOutputActivation(config.architecture().outputActivation().specName())
                .setInputScaling(config.architecture().inputScaling().specName())
                .setCodeLayout(config.architecture().codeLayout().specName())
                .setNoiseDraw(config.noise().draw().specName())
                .setEpochs(config.recipe().epochs())
                .setBatchSize(config.recipe().batchSize())
                .setOptimizer(config.recipe().optimizer().specName())
                .setLearningRate(config.recipe().learningRate())
                .setLoss(config.recipe().loss().specName())
                .setSeed(config.seed())
                .setRunSeed(config.runSeed())
                .setTrainLimit(config.data().trainLimit())
                .setTestLimit(config.data().testLimit())
                .setValidation(config.data().hasValidation() ? config.data().validation().specForm() : null)
                .setReplicateSplit(sampling.split().specName())
                .setReplicates(sampling.replicates())
                .setDataSplits(sampling.dataSplits())
                .setDataSplit(sampling.cutsTrainingData() ? sampling.dataSplitOf(config.replicate()) : null)
                .setSeedIndex(sampling.seedIndexOf(config.replicate()))
                .setDivergenceFactor(config.recipe().stopping().divergenceFactor())
                .setEarlyStoppingPatience(config.recipe().stopping().patience())
                .setImageRows(context.imageRows())
                .setImageCols(context.imageCols())
                .setTrainSamples(context.trainSamples())
                .setTestSamples(context.testSamples())
                .setTrainingMode(context.run().mode().specName())
                .setWorkers(context.workers())
                .setFusedRuns(context.fusedRuns())
                .setThreads(context.threads())
                .setBackend(context.device().backend())
                .setDevice(context.device().device())
                .setExecutor(context.executor())
                .setStatus(trained.status().tableValue())
                .setMessage(trained.message())
                .setFinalTrainLoss(last == null ? null : last.trainLoss())
                .setFinalTestLoss(last == null ? null : last.testLoss())
                .setFullTrainLoss(finiteOrNull(trained.fullTrainLoss()))
                .setFinalValidationLoss(last == null ? null : finiteOrNull(last.validationLoss()))
                .setBestEpoch(bestEpoch == 0 ? null : bestEpoch)
                .setParameterCount(trained.model() == null ? 0 : trained.model().parameterCount())
                .setEstimatedCost(finiteOrNull(context.run().estimatedCost()))
                .setWallSeconds(Duration.between(context.startedAt(), context.finishedAt()).toMillis() / 1000.0)
                .setStartedAt(context.startedAt())
                .setFinishedAt(context.finishedAt())
                .setSoftwareVersion(Version.current())
                .build();
    }

    static List<EpochMetricRow> epochRows(RunConfig config, List<EpochMetrics> epochs) {
        List<EpochMetricRow> rows = new ArrayList<>(epochs.size());
        for (EpochMetrics metrics : epochs) {
            rows.add(EpochMetricRow.newBuilder(GridPointColumns.fill(new EpochMetricRow(), config))
                    .setEpoch(metrics.epoch())
                    .setTrainLoss(metrics.trainLoss())
                    .setTestLoss(metrics.testLoss())
                    .setValidationLoss(finiteOrNull(metrics.validationLoss()))
                    .setDenoisingTestLoss(finiteOrNull(metrics.denoisingTestLoss()))
                    .setSeconds(metrics.seconds())
                    .setSamplesPerSecond(metrics.samplesPerSecond())
                    .setEvaluationSeconds(metrics.evaluationSeconds())
                    .build());
        }
        return rows;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
