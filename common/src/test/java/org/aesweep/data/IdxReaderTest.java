package org.aesweep.data;

import static org.aesweep.data.IdxTestFiles.concat;
import static org.aesweep.data.IdxTestFiles.gzip;
import static org.aesweep.data.IdxTestFiles.images;
import static org.aesweep.data.IdxTestFiles.labels;
import static org.aesweep.data.IdxTestFiles.labelsFor;
import static org.aesweep.data.IdxTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final Configuration CONF = new Configuration();
    private static final int[] LABELS = {0, 9, 255};

    @TempDir
    File dir;

    @Test
    void readsRawFilesExactly() throws IOException {
        LabeledImages read = readPair(images(3, 4, 5), labels(LABELS));
        assertMatchesGenerated(read, 3, 4, 5);
        assertEquals(1f, read.pixel(0, 0), "byte 255 scales to exactly 1");
        assertEquals(0f, read.pixel(0, 15), "byte 0 scales to exactly 0");
    }

    @Test
    void detectsGzipByContentNotName() throws IOException {
        Path imagesPath = write(dir, "images.bin", gzip(images(3, 4, 5)));
        Path labelsPath = write(dir, "labels.bin", gzip(labels(LABELS)));
        assertMatchesGenerated(IdxReader.read(imagesPath, labelsPath, CONF), 3, 4, 5);
    }

    @Test
    void readsRawFileNamedGz() throws IOException {
        Path imagesPath = write(dir, "images.gz", images(3, 4, 5));
        Path labelsPath = write(dir, "labels.gz", labels(LABELS));
        assertMatchesGenerated(IdxReader.read(imagesPath, labelsPath, CONF), 3, 4, 5);
    }

    @Test
    void readsHeaderWithoutPixels() throws IOException {
        Path imagesPath = write(dir, "images", gzip(images(5, 7, 3)));
        assertEquals(new IdxHeader(5, 7, 3), IdxReader.readImagesHeader(imagesPath, CONF));
    }

    @Test
    void rejectsTruncatedImages() {
        byte[] whole = images(3, 4, 5);
        byte[] truncated = Arrays.copyOf(whole, whole.length - 5);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> readPair(truncated, labels(LABELS)));
        assertMessage(e, "images", "60 pixel bytes", "found 55");
    }

    @Test
    void rejectsTruncatedHeader() {
        byte[] truncated = Arrays.copyOf(images(3, 4, 5), 10);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> readPair(truncated, labels(LABELS)));
        assertMessage(e, "images", "truncated header");
    }

    @Test
    void rejectsTruncatedLabels() {
        byte[] whole = labels(LABELS);
        byte[] truncated = Arrays.copyOf(whole, whole.length - 1);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> readPair(images(3, 4, 5), truncated));
        assertMessage(e, "labels", "3 labels", "found 2");
    }

    @Test
    void rejectsWrongMagic() {
        // a labels file passed as the images file
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> readPair(labels(LABELS), labels(LABELS)));
        assertMessage(e, "images", "0x00000801", "0x00000803");
    }

    @Test
    void rejectsNonPositiveDimension() {
        byte[] zeroRows = IdxTestFiles.header(IdxTestFiles.IMAGES_MAGIC, 3, 0, 4);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> readPair(zeroRows, labels(LABELS)));
        assertMessage(e, "images", "size 0");
    }

    @Test
    void rejectsCountMismatchNamingBothFiles() {
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> readPair(images(3, 4, 5), labelsFor(4)));
        assertMessage(e, "images", "labels", "3 images", "4 labels");
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] withTrailer = concat(labels(LABELS), new byte[] {1, 2});
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> readPair(images(3, 4, 5), withTrailer));
        assertMessage(e, "labels", "2 trailing bytes");
    }

    @Test
    void rejectsCorruptGzip() {
        byte[] validGzipHeader = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0xff);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> readPair(concat(validGzipHeader, garbage), labels(LABELS)));
        assertMessage(e, "images", "corrupt gzip");
        assertTrue(e.getCause() instanceof ZipException || e.getCause() instanceof EOFException);
    }

    @Test
    void rejectsCutOffGzip() {
        byte[] whole = gzip(images(3, 4, 5));
        byte[] cut = Arrays.copyOf(whole, whole.length - 12);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> readPair(cut, labels(LABELS)));
        assertMessage(e, "images", "corrupt gzip");
    }

    @Test
    void readsRealFashionMnistWhenPresent() throws IOException {
        File fashion = new File("/work/main/data/fashion-mnist");
        File trainImages = new File(fashion, "train-images-idx3-ubyte.gz");
        File trainLabels = new File(fashion, "train-labels-idx1-ubyte.gz");
        assumeTrue(trainImages.isFile() && trainLabels.isFile(), "real Fashion-MNIST files absent");
        LabeledImages train = IdxReader.read(new Path(trainImages.toURI()), new Path(trainLabels.toURI()), CONF);
        assertEquals(60_000, train.count());
        assertEquals(28, train.rows());
        assertEquals(28, train.cols());
        assertTrue(Arrays.stream(train.labels()).allMatch(label -> label >= 0 && label <= 9));
    }

    private LabeledImages readPair(byte[] imageBytes, byte[] labelBytes) throws IOException {
        return IdxReader.read(new ByteArrayInputStream(imageBytes), "images",
                new ByteArrayInputStream(labelBytes), "labels");
    }

    private static void assertMatchesGenerated(LabeledImages read, int count, int rows, int cols) {
        assertEquals(count, read.count());
        assertEquals(rows, read.rows());
        assertEquals(cols, read.cols());
        assertEquals(count * rows * cols, read.pixels().length);
        for (int image = 0; image < count; image++) {
            for (int index = 0; index < rows * cols; index++) {
                assertEquals(IdxTestFiles.pixelByte(image, index) / 255f, read.pixel(image, index));
            }
            assertEquals(image, read.sourceIndex(image));
        }
        assertArrayEquals(LABELS, read.labels());
    }

    static void assertMessage(Exception e, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }
}
