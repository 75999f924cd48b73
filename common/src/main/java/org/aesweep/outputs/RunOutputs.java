package org.aesweep.outputs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.aesweep.data.TrainTestSplit;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.ParquetFiles;
import org.aesweep.tables.RunAttempt;
import org.aesweep.tables.RunFiles;
import org.aesweep.tables.Table;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.LatentProbeRow;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.train.RunStatus;
import org.aesweep.train.TrainedRun;
import org.aesweep.train.TrainingArrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a trained run's files where its attempt keeps them, the same way for runs trained in one
 * task and for data-parallel runs; the driver commits them.
 */
public final class RunOutputs {
    private static final Logger LOG = LoggerFactory.getLogger(RunOutputs.class);

    private RunOutputs() {
    }

    /** The latent codes of the test set, their probes and the model, for runs that finished; nothing otherwise. */
    public static void writeModelOutputs(RunAttempt attempt, RunConfig config, TrainedRun trained, TrainingArrays arrays,
                                         TrainTestSplit data, Configuration conf) throws IOException {
        if (trained.status() != RunStatus.OK) {
            return;
        }
        long start = System.nanoTime();
        // Encoded once: the latent_codes table and the probes both use the test codes.
        INDArray testCodes = trained.model().encode(arrays.test());
        LatentCodeWriter.write(attempt.tableFile(Table.LATENT_CODES), config, testCodes, data.test(), conf);
        long codesWritten = System.nanoTime();
        LatentProbeRow probes = LatentProbeRows.measure(config, trained.trainCodes(), testCodes, data);
        ParquetFiles.write(attempt.tableFile(Table.LATENT_PROBES), LatentProbeRow.class, LatentProbeRow.getClassSchema(),
                List.of(probes), conf);
        long probed = System.nanoTime();
        Path modelFile = attempt.modelFile();
        try (OutputStream out = modelFile.getFileSystem(conf).create(modelFile, true)) {
            ModelSerializer.writeModel(trained.model().network(), out, false);
        }
        LOG.info(String.format(Locale.ROOT, "run %s outputs: test codes %.2f s, probes %.2f s, model %.2f s",
                config.runId(), (codesWritten - start) / 1e9, (probed - codesWritten) / 1e9,
                (System.nanoTime() - probed) / 1e9));
    }

    /** Writes the epoch_metrics and runs rows and finishes the attempt: what the driver commits. */
    public static RunSummary finish(RunAttempt attempt, TrainedRun trained, RunContext context, Configuration conf)
            throws IOException {
        ParquetFiles.write(attempt.tableFile(Table.EPOCH_METRICS), EpochMetricRow.class, EpochMetricRow.getClassSchema(),
                RunRows.epochRows(context.run().config(), trained.epochs()), conf);
        RunRow row = RunRows.runRow(trained, context);
        ParquetFiles.write(attempt.tableFile(Table.RUNS), RunRow.class, RunRow.getClassSchema(), List.of(row), conf);
        RunFiles files = attempt.finish(conf);
        return new RunSummary(context.run().config(), trained.status(), trained.message(),
                nanIfNull(row.getFinalTrainLoss()), nanIfNull(row.getFinalTestLoss()), row.getWallSeconds(),
                context.executor(), files);
    }

    private static double nanIfNull(Double value) {
        return value == null ? Double.NaN : value;
    }
}
