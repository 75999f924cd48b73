package org.aesweep.spec;

import java.io.Serializable;
import java.util.Locale;

/**
 * The spec's data.validation: how many training samples are held out for model selection (early
 * stopping, best epoch), either a count or a fraction of the (limited) training set. None means
 * no validation split, the behaviour before the key existed.
 *
 * @param count    samples held out, or 0 when given as a fraction or absent
 * @param fraction share of the training set held out, in (0, 1), or 0 when given as a count or absent
 */
public record ValidationSize(int count, double fraction) implements Serializable {
    public ValidationSize {
        if (count < 0 || !(fraction >= 0 && fraction < 1) || count > 0 && fraction > 0) {
            throw new IllegalArgumentException("validation is a count >= 1 or a fraction in (0, 1), got count "
                    + count + ", fraction " + fraction);
        }
    }

    public static ValidationSize none() {
        return new ValidationSize(0, 0);
    }

    public static ValidationSize ofCount(int count) {
        return new ValidationSize(count, 0);
    }

    public static ValidationSize ofFraction(double fraction) {
        return new ValidationSize(0, fraction);
    }

    /** The inverse of {@link #specForm()}: a whole number is a count, anything else a fraction; null is none. */
    public static ValidationSize parse(String specForm) {
        if (specForm == null || specForm.isBlank()) {
            return none();
        }
        String text = specForm.trim();
        return text.matches("\\d+") ? ofCount(Integer.parseInt(text)) : ofFraction(Double.parseDouble(text));
    }

    public boolean isNone() {
        return count == 0 && fraction == 0;
    }

    /**
     * How many of {@code trainSamples} are held out: the count, or the fraction rounded, kept
     * between 1 and {@code trainSamples - 1} so both parts have samples; 0 when none.
     */
    public int samples(int trainSamples) {
        if (isNone()) {
            return 0;
        }
        if (trainSamples < 2) {
            throw new IllegalArgumentException("a validation split needs at least 2 training samples, got "
                    + trainSamples);
        }
        long held = count > 0 ? count : Math.round(fraction * trainSamples);
        if (count > 0 && count >= trainSamples) {
            throw new IllegalArgumentException("data.validation " + count + " must be below the " + trainSamples
                    + " training samples");
        }
        return (int) Math.max(1, Math.min(trainSamples - 1L, held));
    }

    /** As the spec gives it (a count or a fraction); the form run ids and the runs table hold. */
    public String specForm() {
        if (isNone()) {
            return "";
        }
        return count > 0 ? Integer.toString(count) : String.format(Locale.ROOT, "%s", fraction);
    }
}
