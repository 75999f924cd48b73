package org.aesweep.sweep;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.aesweep.cli.BadInputException;
import org.aesweep.cli.SweepArguments;
import org.aesweep.data.DataFiles;
import org.aesweep.data.DatasetLocator;
import org.aesweep.data.IdxHeader;
import org.aesweep.data.IdxReader;
import org.aesweep.grid.RunConfig;
import org.aesweep.grid.SpecException;
import org.aesweep.grid.SpecLoader;
import org.aesweep.grid.SweepSpec;
import org.aesweep.plan.SweepPlan;
import org.aesweep.plan.SweepPlanner;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Everything the driver checks before the first task: the spec parses and validates, the data
 * set's files exist with sane headers, every code size is smaller than the input, and every
 * network of the grid builds for the data's image size. Nothing is created under the output root
 * before these checks pass.
 */
public final class SweepPreflight {
    private SweepPreflight() {
    }

    /** The checked sweep, planned: every run's network was built once to estimate its cost. */
    public static SweepPlan check(SweepArguments args, Configuration conf) throws BadInputException {
        SweepSpec spec = loadSpec(args, conf);
        IdxHeader header = readTrainHeader(spec.dataset(), args.dataRoot(), conf);
        int inputSize = header.rows() * header.cols();
        for (int codeSize : spec.codeSizes()) {
            if (codeSize >= inputSize) {
                throw new BadInputException(args.grid() + ": code_sizes: " + codeSize
                        + " must be smaller than the input size " + inputSize + " of dataset " + spec.dataset());
            }
        }
        List<RunConfig> runs = spec.expand();
        long trainSamples = spec.trainLimit() > 0 ? Math.min(spec.trainLimit(), header.count()) : header.count();
        try {
            return SweepPlanner.plan(spec, runs, header.rows(), header.cols(), trainSamples);
        } catch (RuntimeException e) {
            throw new BadInputException(args.grid() + ": a network of this grid cannot be built for "
                    + header.rows() + "x" + header.cols() + " images of " + spec.dataset() + ": " + e.getMessage());
        }
    }

    private static SweepSpec loadSpec(SweepArguments args, Configuration conf) throws BadInputException {
        Path path = new Path(args.grid());
        String text;
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            throw new BadInputException("--grid: spec file " + args.grid() + " not found");
        } catch (IOException e) {
            throw new BadInputException("--grid: cannot read spec file " + args.grid() + ": " + e.getMessage());
        }
        try {
            return SpecLoader.load(text, args.grid(), args.overrides());
        } catch (SpecException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private static IdxHeader readTrainHeader(String dataset, String dataRoot, Configuration conf)
            throws BadInputException {
        try {
            DataFiles files = DatasetLocator.locate(dataset, dataRoot, conf);
            return IdxReader.readImagesHeader(files.trainImages(), conf);
        } catch (IOException e) {
            throw new BadInputException("--data: " + e.getMessage());
        }
    }
}
