package org.aesweep.data;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;

/** Locates and reads a dataset's training and test samples, applying the seeded size limits. */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    /**
     * @param trainLimit 0 for all training samples, else a seeded subset of that many
     * @param testLimit  0 for all test samples, else a seeded subset of that many
     * @param seed       picks the training subset; seed + 1 picks the test subset, so the two
     *                   draws are independent even when both sets have the same size
     */
    public static TrainTestSplit load(String dataset, String dataRoot, int trainLimit, int testLimit,
                                      long seed, Configuration conf) throws IOException {
        DataFiles files = DatasetLocator.locate(dataset, dataRoot, conf);
        LabeledImages train = IdxReader.read(files.trainImages(), files.trainLabels(), conf);
        LabeledImages test = IdxReader.read(files.testImages(), files.testLabels(), conf);
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IdxFormatException(files.testImages().toString(), "images are " + test.rows() + "x"
                    + test.cols() + " but the training images " + files.trainImages() + " are "
                    + train.rows() + "x" + train.cols());
        }
        return new TrainTestSplit(train.subset(trainLimit, seed), test.subset(testLimit, seed + 1));
    }
}
