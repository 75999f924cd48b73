package org.aesweep.testing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small labelled 28x28 images a test can train on: each class is a bright bar at its own place
 * plus pixel noise, so an autoencoder has structure to learn and a few epochs show it.
 */
public final class SyntheticImages {
    public static final int SIDE = 28;

    private SyntheticImages() {
    }

    /** Pixel bytes of {@code count} images, row-major; labels cycle through 10 classes. */
    public static byte[] pixels(int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * SIDE * SIDE];
        for (int image = 0; image < count; image++) {
            int label = image % 10;
            for (int row = 0; row < SIDE; row++) {
                for (int col = 0; col < SIDE; col++) {
                    boolean bar = row >= 2 + 2 * label && row < 5 + 2 * label && col > 3 && col < 24;
                    int value = bar ? 200 + random.nextInt(56) : random.nextInt(30);
                    pixels[image * SIDE * SIDE + row * SIDE + col] = (byte) value;
                }
            }
        }
        return pixels;
    }

    public static byte[] labels(int count) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        return labels;
    }

    /** The same images as a float matrix in [0, 1], one row per image. */
    public static INDArray matrix(int count, long seed) {
        byte[] pixels = pixels(count, seed);
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = (pixels[i] & 0xff) / 255f;
        }
        return Nd4j.create(values, new long[] {count, SIDE * SIDE}, DataType.FLOAT);
    }

    /** Writes the four standard IDX files (raw) of a train/test split into {@code dir}. */
    public static void writeDataset(Path dir, int trainCount, int testCount) throws IOException {
        Files.createDirectories(dir);
        writeImages(dir.resolve("train-images-idx3-ubyte"), pixels(trainCount, 1), trainCount);
        writeLabels(dir.resolve("train-labels-idx1-ubyte"), labels(trainCount));
        writeImages(dir.resolve("t10k-images-idx3-ubyte"), pixels(testCount, 2), testCount);
        writeLabels(dir.resolve("t10k-labels-idx1-ubyte"), labels(testCount));
    }

    private static void writeImages(Path file, byte[] pixels, int count) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x00000803);
            out.writeInt(count);
            out.writeInt(SIDE);
            out.writeInt(SIDE);
            out.write(pixels);
        }
    }

    private static void writeLabels(Path file, byte[] labels) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
            out.writeInt(0x00000801);
            out.writeInt(labels.length);
            out.write(labels);
        }
    }
}
