package org.aesweep.data;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Random;

import org.aesweep.spec.InputScaling;

/**
 * Grey-scale images with one class label each, pixel intensities in [0, 1] as read, or in a run's
 * {@link InputScaling} range once {@link #scaled}.
 *
 * <p>Immutable by contract: {@link #pixels()} and {@link #labels()} hand out the backing arrays
 * (copying 188 MB per call would defeat the purpose), so callers must never modify them.
 */
public final class LabeledImages implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int cols;
    private final float[] pixels;
    private final int[] labels;
    private final int[] sourceIndices;
    private final InputScaling scaling;

    private LabeledImages(int rows, int cols, float[] pixels, int[] labels, int[] sourceIndices,
                          InputScaling scaling) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + rows + "x" + cols);
        }
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixels do not make " + labels.length
                    + " images of " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
        this.sourceIndices = sourceIndices;
        this.scaling = scaling;
    }

    /**
     * Wraps arrays without copying them; the caller hands them over and must not modify them.
     * Source indices are 0..count-1, i.e. these samples are a whole file.
     *
     * @param pixels row-major, {@code labels.length * rows * cols} values in [0, 1]
     */
    public static LabeledImages of(int rows, int cols, float[] pixels, int[] labels) {
        int[] identity = new int[labels.length];
        Arrays.setAll(identity, i -> i);
        return new LabeledImages(rows, cols, pixels, labels, identity, InputScaling.UNIT);
    }

    public int count() {
        return labels.length;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    /** The range the pixels lie in: unit as read, or what {@link #scaled} mapped them to. */
    public InputScaling scaling() {
        return scaling;
    }

    /** Pixel {@code index} (row-major within the image) of image {@code image}, in {@link #scaling()}'s range. */
    public float pixel(int image, int index) {
        if (index < 0 || index >= pixelsPerImage()) {
            throw new IndexOutOfBoundsException("pixel index " + index + " outside 0.." + (pixelsPerImage() - 1));
        }
        return pixels[image * pixelsPerImage() + index];
    }

    /** The backing array, {@code count * rows * cols} values, row-major; do not modify. */
    public float[] pixels() {
        return pixels;
    }

    public int label(int i) {
        return labels[i];
    }

    /** The backing array; do not modify. */
    public int[] labels() {
        return labels;
    }

    /** Index of sample {@code i} in the file it was read from, also after {@link #subset}. */
    public int sourceIndex(int i) {
        return sourceIndices[i];
    }

    /**
     * A random subset of {@code limit} samples, kept in ascending source order; the same seed
     * picks the same samples on every JVM.
     *
     * @param limit 0, or at least {@link #count()}, for all samples (returns this)
     */
    public LabeledImages subset(int limit, long seed) {
        if (limit < 0) {
            throw new IllegalArgumentException("subset limit must not be negative, got " + limit);
        }
        if (limit == 0 || limit >= count()) {
            return this;
        }
        return select(pick(count(), limit, seed, true));
    }

    /**
     * Part {@code index} of {@code parts} disjoint, near-equal parts, in ascending source order.
     * The same seed cuts the same parts on every JVM, so the parts of one seed never overlap.
     */
    public LabeledImages part(int index, int parts, long seed) {
        if (parts < 1 || index < 0 || index >= parts) {
            throw new IllegalArgumentException("part " + index + " of " + parts);
        }
        int[] order = pick(count(), count(), seed, false);
        int from = (int) ((long) count() * index / parts);
        int to = (int) ((long) count() * (index + 1) / parts);
        int[] chosen = Arrays.copyOfRange(order, from, to);
        Arrays.sort(chosen);
        return select(chosen);
    }

    /** A set cut in two: the samples {@link #holdOut} keeps and those it holds out. */
    public record Cut(LabeledImages kept, LabeledImages held) {
    }

    /**
     * {@code held} random samples held out and the rest kept, both in ascending source order, never
     * overlapping; the same seed cuts the same way on every JVM.
     */
    public Cut holdOut(int held, long seed) {
        if (held < 1 || held >= count()) {
            throw new IllegalArgumentException("hold out " + held + " of " + count() + " samples");
        }
        int[] heldOut = pick(count(), held, seed, true);
        int[] kept = new int[count() - held];
        for (int i = 0, h = 0, k = 0; i < count(); i++) {
            if (h < held && heldOut[h] == i) {
                h++;
            } else {
                kept[k++] = i;
            }
        }
        return new Cut(select(kept), select(heldOut));
    }

    /** As many samples as this set has, drawn with replacement (a bootstrap resample). */
    public LabeledImages bootstrap(long seed) {
        Random random = new Random(seed);
        int[] chosen = new int[count()];
        for (int k = 0; k < chosen.length; k++) {
            chosen[k] = random.nextInt(count());
        }
        Arrays.sort(chosen);
        return select(chosen);
    }

    /**
     * These images with their [0, 1] intensities mapped into {@code target}'s range (this set itself
     * when it is already there), the same samples in the same order. Only read images are scaled,
     * so a set is never scaled twice.
     */
    public LabeledImages scaled(InputScaling target) {
        if (target == scaling) {
            return this;
        }
        if (scaling != InputScaling.UNIT) {
            throw new IllegalStateException(this + " is already scaled; only [0, 1] images are scaled to "
                    + target.specName());
        }
        float[] mapped = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            mapped[i] = target.scale(pixels[i]);
        }
        return new LabeledImages(rows, cols, mapped, labels, sourceIndices, target);
    }

    private LabeledImages select(int[] chosen) {
        int perImage = pixelsPerImage();
        float[] subPixels = new float[chosen.length * perImage];
        int[] subLabels = new int[chosen.length];
        int[] subSources = new int[chosen.length];
        for (int k = 0; k < chosen.length; k++) {
            int i = chosen[k];
            System.arraycopy(pixels, i * perImage, subPixels, k * perImage, perImage);
            subLabels[k] = labels[i];
            subSources[k] = sourceIndices[i];
        }
        return new LabeledImages(rows, cols, subPixels, subLabels, subSources, scaling);
    }

    /**
     * {@code limit} distinct random indices below {@code n}, ascending if {@code sorted}. Partial Fisher-Yates on
     * java.util.Random because its algorithm is fixed by its specification, unlike
     * other generators whose output may change between JDK releases.
     */
    private static int[] pick(int n, int limit, long seed, boolean sorted) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        for (int k = 0; k < limit; k++) {
            int j = k + random.nextInt(n - k);
            int swap = order[k];
            order[k] = order[j];
            order[j] = swap;
        }
        int[] chosen = Arrays.copyOf(order, limit);
        if (sorted) {
            Arrays.sort(chosen);
        }
        return chosen;
    }

    @Override
    public String toString() {
        return "LabeledImages[" + count() + " x " + rows + "x" + cols
                + (scaling == InputScaling.UNIT ? "" : ", " + scaling.specName()) + "]";
    }
}
