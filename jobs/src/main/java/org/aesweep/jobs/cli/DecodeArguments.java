package org.aesweep.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.aesweep.BadInputException;
import org.aesweep.report.DecodeRequest;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The decode tool's command line: which run, and which codes to decode, as the library's request. */
public final class DecodeArguments {
    public static final String COMMAND = "DecodeTool --sweep-id <id> --run-id <run> (--point x,y,.. | --class-means)";

    private DecodeArguments() {
    }

    public static Options options() {
        Options options = JobCommandLine.commonOptions();
        options.addOption(Option.builder().longOpt("run-id").hasArg().argName("run").required()
                .desc("the run whose saved model decodes the codes").build());
        options.addOption(Option.builder().longOpt("point").hasArg().argName("x,y,..")
                .desc("a code vector to decode, one value per code unit; repeatable").build());
        options.addOption(Option.builder().longOpt("class-means")
                .desc("decode the mean test-set code of each class").build());
        options.addOption(Option.builder().longOpt("png").hasArg().argName("file")
                .desc("output image (default <out>/reports/sweep_id=<id>/decoded-<run>.png)").build());
        return options;
    }

    /** Empty when help was requested and printed. */
    public static Optional<DecodeRequest> parse(String[] args, PrintWriter out) throws BadInputException {
        Optional<CommandLine> parsed = JobCommandLine.parse(COMMAND, options(), args, out);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CommandLine line = parsed.get();
        List<float[]> points = new ArrayList<>();
        String[] values = line.getOptionValues("point");
        for (int i = 0; values != null && i < values.length; i++) {
            points.add(parsePoint(values[i], i));
        }
        boolean classMeans = line.hasOption("class-means");
        if (points.isEmpty() && !classMeans) {
            throw new BadInputException("give at least one --point or --class-means\n"
                    + JobCommandLine.usage(COMMAND, options()));
        }
        return Optional.of(new DecodeRequest(line.getOptionValue(JobCommandLine.OUT, SweepArguments.DEFAULT_OUT),
                JobCommandLine.sweepId(line), line.getOptionValue("run-id"), points, classMeans,
                line.getOptionValue("png")));
    }

    private static float[] parsePoint(String text, int index) throws BadInputException {
        String[] parts = text.split(",");
        float[] point = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                point[i] = Float.parseFloat(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadInputException("--point #" + (index + 1) + " '" + text + "': '" + parts[i]
                        + "' is not a number");
            }
            if (!Float.isFinite(point[i])) {
                throw new BadInputException("--point #" + (index + 1) + " '" + text + "': values must be finite");
            }
        }
        return point;
    }
}
