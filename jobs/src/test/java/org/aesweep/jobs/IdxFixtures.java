package org.aesweep.jobs;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX data sets (the four standard files, gzip-compressed) for job-level tests. */
final class IdxFixtures {
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    private IdxFixtures() {
    }

    /** A directory of random images of side x side pixels with labels 0-9. */
    static Path dataset(Path dir, int train, int test, int side) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(side * 1000L + train);
        gzip(dir.resolve(TRAIN_IMAGES), images(train, side, side, random));
        gzip(dir.resolve(TRAIN_LABELS), labels(train, random));
        gzip(dir.resolve(TEST_IMAGES), images(test, side, side, random));
        gzip(dir.resolve(TEST_LABELS), labels(test, random));
        return dir;
    }

    static byte[] images(int count, int rows, int cols, Random random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000803);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        byte[] pixels = new byte[count * rows * cols];
        random.nextBytes(pixels);
        out.write(pixels);
        return bytes.toByteArray();
    }

    static byte[] labels(int count, Random random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000801);
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeByte(random.nextInt(10));
        }
        return bytes.toByteArray();
    }

    static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }
}
