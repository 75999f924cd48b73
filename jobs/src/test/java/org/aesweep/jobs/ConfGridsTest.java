package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.aesweep.plan.SweepPreflight;
import org.aesweep.plan.SweepRequest;
import org.aesweep.testing.RealData;
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
        SweepRequest request = new SweepRequest(grid.toString(), RealData.root().toString(), "unused", List.of());
        assertTrue(SweepPreflight.check(request, new Configuration()).size() > 0);
    }
}
