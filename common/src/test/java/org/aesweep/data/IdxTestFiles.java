package org.aesweep.data;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.Path;

/** Builds small IDX files for tests. */
final class IdxTestFiles {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxTestFiles() {
    }

    /** Pixel byte of image {@code image} at {@code index}: 255 at (0, 0) and 0 at (0, 15), to check both ends. */
    static int pixelByte(int image, int index) {
        return Math.floorMod(255 - image * 31 - index * 17, 256);
    }

    static byte[] images(int count, int rows, int cols) {
        byte[] data = new byte[count * rows * cols];
        for (int image = 0; image < count; image++) {
            for (int index = 0; index < rows * cols; index++) {
                data[image * rows * cols + index] = (byte) pixelByte(image, index);
            }
        }
        return concat(header(IMAGES_MAGIC, count, rows, cols), data);
    }

    static byte[] labels(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return concat(header(LABELS_MAGIC, values.length), data);
    }

    /** Labels 0..count-1 modulo 10, for tests that only need a matching count. */
    static byte[] labelsFor(int count) {
        int[] values = new int[count];
        Arrays.setAll(values, i -> i % 10);
        return labels(values);
    }

    static byte[] header(int magic, int... dimensions) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length).putInt(magic);
        for (int d : dimensions) {
            buffer.putInt(d);
        }
        return buffer.array();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    static Path write(File dir, String name, byte[] bytes) throws IOException {
        File file = new File(dir, name);
        Files.createDirectories(file.getParentFile().toPath());
        Files.write(file.toPath(), bytes);
        return new Path(file.toURI());
    }

    /** Writes the four standard files of a dataset into {@code dir}, optionally gzipped. */
    static void writeDataset(File dir, int trainCount, int testCount, int rows, int cols, boolean gzipped)
            throws IOException {
        String suffix = gzipped ? ".gz" : "";
        writeMaybeGzipped(dir, "train-images-idx3-ubyte" + suffix, images(trainCount, rows, cols), gzipped);
        writeMaybeGzipped(dir, "train-labels-idx1-ubyte" + suffix, labelsFor(trainCount), gzipped);
        writeMaybeGzipped(dir, "t10k-images-idx3-ubyte" + suffix, images(testCount, rows, cols), gzipped);
        writeMaybeGzipped(dir, "t10k-labels-idx1-ubyte" + suffix, labelsFor(testCount), gzipped);
    }

    private static void writeMaybeGzipped(File dir, String name, byte[] bytes, boolean gzipped) throws IOException {
        write(dir, name, gzipped ? gzip(bytes) : bytes);
    }
}
