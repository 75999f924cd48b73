package org.aesweep.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file being read front to back, raw or gzip-compressed (told apart by the gzip magic
 * bytes, since names like "foo.gz" are often decompressed in place by download tools).
 * Every format problem surfaces as an {@link IdxFormatException} naming the file.
 */
final class IdxInput implements Closeable {

    /** Element type "unsigned byte" in the third magic byte; the only type MNIST-style files use. */
    private static final int UNSIGNED_BYTE_TYPE = 0x08;
    private static final int CHUNK_BYTES = 1 << 16;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    /** Receives consecutive chunks of the data section; {@code offset} counts bytes before this chunk. */
    @FunctionalInterface
    interface ChunkConsumer {
        void accept(byte[] chunk, int length, int offset);
    }

    private final InputStream in;
    private final String source;

    private IdxInput(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    static IdxInput open(InputStream raw, String source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, CHUNK_BYTES);
        if (!startsWithGzipMagic(buffered)) {
            return new IdxInput(buffered, source);
        }
        try {
            return new IdxInput(new GZIPInputStream(buffered, CHUNK_BYTES), source);
        } catch (ZipException | EOFException e) {
            buffered.close();
            throw corruptGzip(source, e);
        }
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
        in.reset();
        return gzip;
    }

    /**
     * Reads the header and returns its dimension sizes.
     *
     * @param expectedMagic e.g. 0x00000803 for a 3-dimensional unsigned-byte file
     */
    int[] readDimensions(int expectedMagic) throws IOException {
        int magic = toInt(readHeaderBytes(4), 0);
        if (magic != expectedMagic) {
            throw new IdxFormatException(source, String.format(
                    "magic number 0x%08x is not 0x%08x (unsigned bytes, %d dimensions)",
                    magic, expectedMagic, expectedMagic & 0xff));
        }
        int dimensionCount = expectedMagic & 0xff;
        byte[] sizes = readHeaderBytes(4 * dimensionCount);
        int[] dimensions = new int[dimensionCount];
        for (int d = 0; d < dimensionCount; d++) {
            dimensions[d] = toInt(sizes, 4 * d);
            if (dimensions[d] <= 0) {
                throw new IdxFormatException(source, "dimension " + d + " has size " + dimensions[d]
                        + "; sizes must be positive");
            }
        }
        return dimensions;
    }

    static int magicFor(int dimensionCount) {
        return (UNSIGNED_BYTE_TYPE << 8) | dimensionCount;
    }

    /**
     * Streams exactly {@code total} data bytes to {@code consumer}, in chunks.
     *
     * @param unit what the bytes are, for the truncation message ("pixel bytes", "labels")
     */
    void readData(int total, String unit, ChunkConsumer consumer) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        int done = 0;
        while (done < total) {
            int n = readUpTo(chunk, Math.min(CHUNK_BYTES, total - done));
            if (n == 0) {
                throw new IdxFormatException(source, "truncated: header promises " + total + " " + unit
                        + ", found " + done);
            }
            consumer.accept(chunk, n, done);
            done += n;
        }
    }

    /** Fails if anything follows the data the header describes; also makes gzip verify its CRC. */
    void expectEnd() throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        long trailing = 0;
        for (int n; (n = readUpTo(chunk, CHUNK_BYTES)) > 0; ) {
            trailing += n;
        }
        if (trailing > 0) {
            throw new IdxFormatException(source, trailing + " trailing bytes after the data the header describes");
        }
    }

    String source() {
        return source;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private byte[] readHeaderBytes(int length) throws IOException {
        byte[] bytes = new byte[length];
        int n = readUpTo(bytes, length);
        if (n < length) {
            throw new IdxFormatException(source, "truncated header: expected " + length
                    + " more bytes, found " + n);
        }
        return bytes;
    }

    /** Fills {@code buffer[0..length)} as far as the stream allows; returns the count read. */
    private int readUpTo(byte[] buffer, int length) throws IOException {
        try {
            return in.readNBytes(buffer, 0, length);
        } catch (ZipException | EOFException e) {
            throw corruptGzip(source, e);
        }
    }

    private static IdxFormatException corruptGzip(String source, IOException cause) {
        return new IdxFormatException(source, "corrupt gzip data (" + cause.getMessage() + ")", cause);
    }

    private static int toInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
    }
}
