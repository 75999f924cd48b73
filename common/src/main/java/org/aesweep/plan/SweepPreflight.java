package org.aesweep.plan;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.aesweep.BadInputException;
import org.aesweep.data.DataFiles;
import org.aesweep.data.DatasetLocator;
import org.aesweep.data.IdxHeader;
import org.aesweep.data.IdxReader;
import org.aesweep.spec.SpecException;
import org.aesweep.spec.SpecLoader;
import org.aesweep.spec.SweepSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;

/**
 * Everything the driver checks before the first task: the spec parses and validates, each data
 * set's files exist with sane headers (and the data sets share an image size), every code size is smaller than the input, and every
 * network of the grid fits the data's image size (its cost estimate works that out from the
 * layers' shapes, see {@link RunCostModel}). Nothing is created under the output root
 * before these checks pass.
 */
public final class SweepPreflight {
    private SweepPreflight() {
    }

    /** The checked sweep, planned: every run's cost estimated from its network's shapes. */
    public static SweepPlan check(SweepRequest request, Configuration conf) throws BadInputException {
        SweepSpec spec = loadSpec(request, conf);
        Map<String, DatasetSizes> sizes = new LinkedHashMap<>();
        for (String dataset : spec.datasets()) {
            sizes.put(dataset, datasetSizes(spec, dataset, request, conf));
        }
        checkOutputRoot(request.outRoot(), conf);
        checkOneImageSize(request, sizes);
        DatasetSizes first = sizes.values().iterator().next();
        try {
            return SweepPlanner.plan(spec, spec.expand(), sizes);
        } catch (RuntimeException e) {
            throw new BadInputException(request.grid() + ": a network of this grid does not fit the "
                    + first.rows() + "x" + first.cols() + " images of " + String.join(", ", spec.datasets()) + ": "
                    + e.getMessage());
        }
    }

    /** One data set's files checked against the spec's code sizes and limits. */
    private static DatasetSizes datasetSizes(SweepSpec spec, String dataset, SweepRequest request,
                                             Configuration conf) throws BadInputException {
        DataHeaders data = verifyData(dataset, request.dataRoot(), conf);
        IdxHeader header = data.train();
        int inputSize = header.rows() * header.cols();
        for (int codeSize : spec.allCodeSizes()) {
            if (codeSize >= inputSize) {
                throw new BadInputException(request.grid() + ": code_sizes: " + codeSize
                        + " must be smaller than the input size " + inputSize + " of dataset " + dataset);
            }
        }
        long trainSamples = spec.trainLimit() > 0 ? Math.min(spec.trainLimit(), header.count()) : header.count();
        if (spec.validation().count() >= trainSamples) {
            throw new BadInputException(request.grid() + ": data.validation: " + spec.validation().count()
                    + " must be below the " + trainSamples + " training samples of " + dataset);
        }
        // The planner costs what the runs train on: the training set without its validation part.
        trainSamples -= spec.validation().samples((int) trainSamples);
        long testSamples = spec.testLimit() > 0 ? Math.min(spec.testLimit(), data.test().count()) : data.test().count();
        return new DatasetSizes(header.rows(), header.cols(), trainSamples, testSamples);
    }

    /**
     * Executors and data-parallel training size their buffers by the sweep's image size, so the
     * data sets of one sweep must share it.
     */
    private static void checkOneImageSize(SweepRequest request, Map<String, DatasetSizes> sizes)
            throws BadInputException {
        DatasetSizes first = sizes.values().iterator().next();
        for (Map.Entry<String, DatasetSizes> entry : sizes.entrySet()) {
            DatasetSizes other = entry.getValue();
            if (other.rows() != first.rows() || other.cols() != first.cols()) {
                throw new BadInputException(request.grid() + ": dataset: the data sets of one sweep must share an"
                        + " image size, but " + sizes.keySet().iterator().next() + " holds " + first.rows() + "x"
                        + first.cols() + " images and " + entry.getKey() + " " + other.rows() + "x" + other.cols()
                        + "; sweep them separately");
            }
        }
    }

    private static SweepSpec loadSpec(SweepRequest request, Configuration conf) throws BadInputException {
        Path path = new Path(request.grid());
        String text;
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            throw new BadInputException("--grid: spec file " + request.grid() + " not found");
        } catch (IOException e) {
            throw new BadInputException("--grid: cannot read spec file " + request.grid() + ": " + e.getMessage());
        }
        try {
            return SpecLoader.load(text, request.grid(), request.overrides());
        } catch (SpecException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** Reads all four IDX files through, so no task trips over a truncated or mismatched one. */
    private record DataHeaders(IdxHeader train, IdxHeader test) {
    }

    private static DataHeaders verifyData(String dataset, String dataRoot, Configuration conf) throws BadInputException {
        try {
            DataFiles files = DatasetLocator.locate(dataset, dataRoot, conf);
            IdxHeader train = IdxReader.verify(files.trainImages(), files.trainLabels(), conf);
            IdxHeader test = IdxReader.verify(files.testImages(), files.testLabels(), conf);
            if (train.rows() != test.rows() || train.cols() != test.cols()) {
                throw new BadInputException("--data: " + files.testImages() + " holds " + test.rows() + "x"
                        + test.cols() + " images but " + files.trainImages() + " holds " + train.rows() + "x"
                        + train.cols());
            }
            if (train.count() == 0 || test.count() == 0) {
                throw new BadInputException("--data: " + (train.count() == 0 ? files.trainImages() : files.testImages())
                        + " holds no images");
            }
            return new DataHeaders(train, test);
        } catch (IOException e) {
            throw new BadInputException("--data: " + e.getMessage());
        }
    }

    /** The output root, or its nearest existing ancestor, must be a writable directory. */
    private static void checkOutputRoot(String outRoot, Configuration conf) throws BadInputException {
        try {
            Path existing = new Path(outRoot);
            FileSystem fs = existing.getFileSystem(conf);
            while (existing != null && !fs.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return;
            }
            if (!fs.getFileStatus(existing).isDirectory()) {
                throw new BadInputException("--out: " + existing + " is a file, not a directory");
            }
            fs.access(existing, FsAction.WRITE);
        } catch (AccessControlException e) {
            throw new BadInputException("--out: " + outRoot + " is not writable: " + e.getMessage());
        } catch (IOException e) {
            throw new BadInputException("--out: cannot use " + outRoot + ": " + e.getMessage());
        }
    }
}
