package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.aesweep.cli.SweepArguments;
import org.aesweep.plan.SweepPreflight;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample grid the project ships passes the same checks the sweep job runs. */
class ConfGridsTest {
    static Stream<Path> grids() throws IOException {
        return Files.list(RealData.repository().resolve("conf/grids")).filter(p -> p.toString().endsWith(".yaml"))
                .sorted().toList().stream();
    }

    @ParameterizedTest
    @MethodSource("grids")
    void shippedGridIsValid(Path grid) throws Exception {
        SweepArguments arguments = new SweepArguments(grid.toString(), RealData.root().toString(), "unused", "check",
                List.of(), null);
        assertTrue(SweepPreflight.check(arguments, new Configuration()).size() > 0);
    }
}
