package org.aesweep.jobs;

import java.io.FileNotFoundException;
import java.util.Optional;

import org.aesweep.BadInputException;
import org.aesweep.jobs.cli.DecodeArguments;
import org.aesweep.jobs.cli.ExitCodes;
import org.aesweep.jobs.cli.ParsedCommandLine;
import org.aesweep.report.CodeDecoding;
import org.aesweep.report.DecodeRequest;
import org.aesweep.tables.TableCatalog;
import org.apache.hadoop.conf.Configuration;

/**
 * Decodes code vectors with a trained run's decoder and writes a PNG montage, e.g. which image a
 * 2-unit code of (12, 4) makes, or what each class's mean code looks like. Needs no Spark cluster.
 * <pre>
 * submit/run-local.sh org.aesweep.jobs.DecodeTool --sweep-id quickstart --run-id 9058352a2f8ba30b \
 *     --point 12,4 --point 2,40 --class-means
 * </pre>
 */
public final class DecodeTool {
    private DecodeTool() {
    }

    public static void main(String[] args) {
        System.exit(ExitCodes.of(() -> run(args)));
    }

    /** Runs the tool and returns its exit code (see {@link ExitCodes}); never calls System.exit. */
    public static int run(String[] args) throws Exception {
        try {
            Optional<DecodeRequest> parsed = DecodeArguments.parse(args, ParsedCommandLine.stdout());
            if (parsed.isEmpty()) {
                return ExitCodes.OK;
            }
            DecodeRequest request = parsed.get();
            try (TableCatalog catalog = ExistingOutput.catalog(request.outRoot())) {
                System.out.println("decoded: " + CodeDecoding.run(request, catalog));
            }
            return ExitCodes.OK;
        } catch (BadInputException | FileNotFoundException e) {
            System.err.println("aesweep: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }
}
