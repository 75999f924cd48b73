package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken data, unusable output paths and conflicting options are refused with exit code 2 and one
 * message naming the problem, before Spark starts and without creating anything under --out.
 */
class SweepJobBadDataAndOutputTest {
    @TempDir
    Path work;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private Path data;

    @BeforeEach
    void writeGoodDataAndCaptureErrors() throws IOException {
        data = IdxFixtures.dataset(work.resolve("data"), 40, 10, 28);
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErrors() {
        System.setErr(originalErr);
    }

    @Test
    void aTruncatedImagesFileIsNamed() throws Exception {
        byte[] whole = IdxFixtures.images(40, 28, 28, new Random(1));
        IdxFixtures.gzip(data.resolve(IdxFixtures.TRAIN_IMAGES), Arrays.copyOf(whole, whole.length - 100));
        assertRefused(IdxFixtures.TRAIN_IMAGES);
    }

    @Test
    void anEmptyFileIsNamed() throws Exception {
        Files.write(data.resolve(IdxFixtures.TEST_LABELS), new byte[0]);
        assertRefused(IdxFixtures.TEST_LABELS);
    }

    @Test
    void aCorruptGzipStreamIsNamed() throws Exception {
        Path file = data.resolve(IdxFixtures.TEST_IMAGES);
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 20; i < bytes.length - 8; i += 7) {
            bytes[i] ^= 0x5a;
        }
        Files.write(file, bytes);
        assertRefused(IdxFixtures.TEST_IMAGES);
    }

    @Test
    void aWrongMagicNumberIsNamed() throws Exception {
        IdxFixtures.gzip(data.resolve(IdxFixtures.TRAIN_LABELS), IdxFixtures.images(40, 28, 28, new Random(2)));
        assertRefused(IdxFixtures.TRAIN_LABELS, "magic");
    }

    @Test
    void imageAndLabelCountsMustAgree() throws Exception {
        IdxFixtures.gzip(data.resolve(IdxFixtures.TRAIN_LABELS), IdxFixtures.labels(39, new Random(3)));
        assertRefused("40 images", "39 labels");
    }

    @Test
    void testImagesMustHaveTheTrainingImagesSize() throws Exception {
        IdxFixtures.gzip(data.resolve(IdxFixtures.TEST_IMAGES), IdxFixtures.images(10, 14, 14, new Random(4)));
        assertRefused("14x14", "28x28");
    }

    @Test
    void anArchitectureThatCannotReconstructTheImagesIsRefused() throws Exception {
        // Two 2x2 poolings and two stride-2 transposed convolutions cannot give back 10x10.
        IdxFixtures.dataset(data, 40, 10, 10);
        assertEquals(2, sweep("dataset: " + data + "\ncode_sizes: [4]\narchitectures: [conv]\n", "--out",
                work.resolve("out").toString()));
        assertTrue(errors().contains("conv needs image sides divisible by 4, got 10x10"), errors());
        assertFalse(Files.exists(work.resolve("out")));
    }

    @Test
    void aMapCodeSizeThatFillsNoWholeChannelIsRefusedWithTheValidSizes() throws Exception {
        // 28x28 pools to a 3x3 code map: code sizes come 9 values (one channel) at a time.
        String spec = "dataset: " + data + "\ncode_sizes: [576, 500]\narchitectures:\n  - name: conv\n    code: map\n";
        assertEquals(2, sweep(spec, "--out", work.resolve("out").toString()));
        assertTrue(errors().contains("does not fit the 28x28 images"), errors());
        assertTrue(errors().contains("code size must be a multiple of 9 (one channel per 9 values: 9, 18, 27, ...),"
                + " got 500 (nearest: 495 or 504)"), errors());
        assertFalse(Files.exists(work.resolve("out")));
    }

    @Test
    void anOutputPathThatIsAFileOrNotWritableIsRefused() throws Exception {
        Path file = Files.writeString(work.resolve("a-file"), "x");
        assertEquals(2, sweep(goodSpec(), "--out", file.resolve("out").toString()));
        assertTrue(errors().contains("is a file, not a directory"), errors());
        // Read-only for everyone, root included as far as Hadoop's permission check goes.
        assertEquals(2, sweep(goodSpec(), "--out", "/proc/aesweep-out"));
        assertTrue(errors().contains("/proc/aesweep-out is not writable"), errors());
    }

    @Test
    void overwriteAndResumeConflictAndUnsafeSweepIdsAreRefused() throws Exception {
        assertEquals(2, sweep(goodSpec(), "--out", work.resolve("out").toString(), "--overwrite", "--resume"));
        assertTrue(errors().contains("--overwrite and --resume conflict"), errors());
        for (String unsafe : new String[] {"a/b", "..", "a b", "a=b"}) {
            err.reset();
            assertEquals(2, SweepJob.run(new String[] {"--grid", spec(goodSpec()).toString(), "--data",
                    data.getParent().toString(), "--out", work.resolve("out").toString(), "--sweep-id", unsafe}));
            assertTrue(errors().contains("--sweep-id") && errors().contains("'" + unsafe + "'"), errors());
        }
        assertFalse(Files.exists(work.resolve("out")));
    }

    private void assertRefused(String... expectedInMessage) throws Exception {
        assertEquals(2, sweep(goodSpec(), "--out", work.resolve("out").toString()), errors());
        for (String expected : expectedInMessage) {
            assertTrue(errors().contains(expected), "'" + expected + "' in: " + errors());
        }
        // Hadoop may log a warning on first use; the job itself says one thing.
        assertEquals(1, errors().lines().filter(line -> line.startsWith("aesweep: ")).count(), errors());
        assertTrue(errors().contains("aesweep: --data: "), errors());
        assertFalse(Files.exists(work.resolve("out")), "nothing may be created under --out");
    }

    private String goodSpec() {
        return "dataset: " + data + "\ncode_sizes: [4]\n";
    }

    private int sweep(String yaml, String... more) throws Exception {
        String[] base = {"--grid", spec(yaml).toString(), "--data", data.getParent().toString(), "--sweep-id", "t"};
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return SweepJob.run(all);
    }

    private Path spec(String yaml) throws IOException {
        return Files.writeString(work.resolve("spec.yaml"), yaml);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
