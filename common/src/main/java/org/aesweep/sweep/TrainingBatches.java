package org.aesweep.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.aesweep.data.LabeledImages;
import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.spark.ExecutorDataCache;
import org.aesweep.spec.RunConfig;
import org.aesweep.train.Permutations;
import org.aesweep.train.TrainingArrays;
import org.aesweep.train.TrainingNoise;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.SerializableConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A run's training set as an RDD of minibatches (inputs and targets in the network's shape) that
 * executors build from the shared data path: the driver ships only slice numbers. Targets are the
 * clean rows; so are inputs, which workers corrupt per minibatch, except for a run whose noise.draw
 * is fixed, whose inputs are rows of its fixed noisy copy ({@link TrainingNoise#fixedCopy}: every
 * slice draws the same whole copy, the one the run would train on in a task, and keeps its rows). The rows
 * are shuffled once with the run seed, so minibatches mix classes; parameter averaging then
 * shuffles the order of minibatches over workers every epoch.
 */
final class TrainingBatches {
    private TrainingBatches() {
    }

    static JavaRDD<DataSet> of(JavaSparkContext jsc, SweepSettings settings, RunConfig config, int batchSize,
                               int slices) {
        List<Integer> sliceNumbers = IntStream.range(0, slices).boxed().toList();
        SliceReader reader = new SliceReader(settings.dataRoot(), config, batchSize, slices,
                new SerializableConfiguration(jsc.hadoopConfiguration()));
        return jsc.parallelize(sliceNumbers, slices).flatMap(reader);
    }

    /** Turns a slice number into that slice's minibatches, on an executor. */
    private record SliceReader(String dataRoot, RunConfig config, int batchSize, int slices,
                               SerializableConfiguration conf) implements FlatMapFunction<Integer, DataSet> {
        @Override
        public Iterator<DataSet> call(Integer slice) {
            Configuration hadoopConf = conf.value();
            LabeledImages train = ExecutorDataCache.get(dataRoot, config, hadoopConf).train();
            int[] order = Permutations.of(train.count(), new Random(config.runSeed()));
            int from = (int) ((long) train.count() * slice / slices);
            int to = (int) ((long) train.count() * (slice + 1) / slices);
            // Only the network's input and output layouts are needed; building the net is cheap.
            Autoencoder shape = AutoencoderFactory.build(config, train.rows(), train.cols());
            List<DataSet> batches = new ArrayList<>();
            INDArray all = TrainingArrays.toMatrix(train);
            INDArray inputs = TrainingNoise.fixedCopy(config, all).orElse(all);
            for (int start = from; start < to; start += batchSize) {
                int end = Math.min(to, start + batchSize);
                int[] rows = Arrays.copyOfRange(order, start, end);
                INDArray clean = Nd4j.pullRows(all, 1, rows);
                INDArray input = inputs == all ? clean : Nd4j.pullRows(inputs, 1, rows);
                batches.add(new DataSet(shape.networkInput(input), shape.networkTarget(clean)));
            }
            return batches.iterator();
        }
    }
}
