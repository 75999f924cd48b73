package org.aesweep.data;

/** Shape of an IDX image file, as promised by its header. */
public record IdxHeader(int count, int rows, int cols) {

    public int pixelsPerImage() {
        return rows * cols;
    }
}
