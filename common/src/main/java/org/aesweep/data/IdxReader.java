package org.aesweep.data;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Reads a pair of IDX files (images and labels, raw or gzip) into {@link LabeledImages}. */
public final class IdxReader {

    private static final int IMAGES_MAGIC = IdxInput.magicFor(3);
    private static final int LABELS_MAGIC = IdxInput.magicFor(1);
    /** Largest array length every JVM accepts. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /** Byte value to pixel value; a table avoids a division per pixel. */
    private static final float[] SCALED = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            SCALED[b] = b / 255f;
        }
    }

    private IdxReader() {
    }

    /**
     * Reads both files from any Hadoop file system (file:, hdfs:, s3a:, ...).
     */
    public static LabeledImages read(Path images, Path labels, Configuration conf) throws IOException {
        // try-with-resources so the images stream is closed even if opening the labels fails
        try (InputStream imageStream = open(images, conf); InputStream labelStream = open(labels, conf)) {
            return read(imageStream, images.toString(), labelStream, labels.toString());
        }
    }

    /**
     * Reads both streams to their end and closes them.
     *
     * @param imagesName names the images source in error messages
     * @param labelsName names the labels source in error messages
     */
    public static LabeledImages read(InputStream images, String imagesName,
                                     InputStream labels, String labelsName) throws IOException {
        try (images; labels;
             IdxInput imageInput = IdxInput.open(images, imagesName);
             IdxInput labelInput = IdxInput.open(labels, labelsName)) {
            IdxHeader header = readHeader(imageInput);
            int count = labelInput.readDimensions(LABELS_MAGIC)[0];
            if (count != header.count()) {
                throw new IdxFormatException(imagesName, "holds " + header.count() + " images but "
                        + labelsName + " holds " + count + " labels");
            }
            float[] pixels = readPixels(imageInput, header);
            int[] labelValues = readLabels(labelInput, count);
            return LabeledImages.of(header.rows(), header.cols(), pixels, labelValues);
        }
    }

    /**
     * Reads an images/labels pair to the end without keeping it, so a driver can refuse a
     * truncated, corrupt or mismatched file before any training starts.
     *
     * @return the images' header
     */
    public static IdxHeader verify(Path images, Path labels, Configuration conf) throws IOException {
        try (IdxInput imageInput = IdxInput.open(open(images, conf), images.toString());
             IdxInput labelInput = IdxInput.open(open(labels, conf), labels.toString())) {
            IdxHeader header = readHeader(imageInput);
            int count = labelInput.readDimensions(LABELS_MAGIC)[0];
            if (count != header.count()) {
                throw new IdxFormatException(images.toString(), "holds " + header.count() + " images but "
                        + labels + " holds " + count + " labels");
            }
            imageInput.readData(header.count() * header.pixelsPerImage(), "pixel bytes", (chunk, length, offset) -> {
            });
            imageInput.expectEnd();
            labelInput.readData(count, "labels", (chunk, length, offset) -> {
            });
            labelInput.expectEnd();
            return header;
        }
    }

    /** The image count and shape, without reading any pixels. */
    public static IdxHeader readImagesHeader(Path images, Configuration conf) throws IOException {
        try (IdxInput input = IdxInput.open(open(images, conf), images.toString())) {
            return readHeader(input);
        }
    }

    private static InputStream open(Path path, Configuration conf) throws IOException {
        return path.getFileSystem(conf).open(path);
    }

    private static IdxHeader readHeader(IdxInput input) throws IOException {
        int[] dims = input.readDimensions(IMAGES_MAGIC);
        IdxHeader header = new IdxHeader(dims[0], dims[1], dims[2]);
        if ((long) header.count() * header.rows() * header.cols() > MAX_ARRAY_LENGTH) {
            throw new IdxFormatException(input.source(), header.count() + " images of " + header.rows()
                    + "x" + header.cols() + " are too many pixels for one array");
        }
        return header;
    }

    private static float[] readPixels(IdxInput input, IdxHeader header) throws IOException {
        float[] pixels = new float[header.count() * header.pixelsPerImage()];
        input.readData(pixels.length, "pixel bytes", (chunk, length, offset) -> {
            for (int i = 0; i < length; i++) {
                pixels[offset + i] = SCALED[chunk[i] & 0xff];
            }
        });
        input.expectEnd();
        return pixels;
    }

    private static int[] readLabels(IdxInput input, int count) throws IOException {
        int[] labels = new int[count];
        input.readData(count, "labels", (chunk, length, offset) -> {
            for (int i = 0; i < length; i++) {
                labels[offset + i] = chunk[i] & 0xff;
            }
        });
        input.expectEnd();
        return labels;
    }
}
