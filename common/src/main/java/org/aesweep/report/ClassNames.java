package org.aesweep.report;

import java.util.Arrays;
import java.util.List;

import org.aesweep.data.LabeledImages;

/**
 * What a dataset's class labels mean, for legends and captions: Fashion-MNIST's garment names, MNIST's
 * digits, and "class k" for a directory of IDX files, whose labels mean nothing known.
 */
final class ClassNames {
    private static final List<String> FASHION_MNIST = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private ClassNames() {
    }

    /** The class names of some samples of a dataset, in their order. */
    static List<String> of(String dataset, LabeledImages images, int[] samples) {
        return Arrays.stream(samples).mapToObj(sample -> of(dataset, images.label(sample))).toList();
    }

    /** @param dataset the runs table's dataset column: "mnist", "fashion-mnist" or a directory */
    static String of(String dataset, int label) {
        return switch (dataset) {
            case "fashion-mnist" -> label >= 0 && label < FASHION_MNIST.size() ? FASHION_MNIST.get(label)
                    : "class " + label;
            case "mnist" -> Integer.toString(label);
            default -> "class " + label;
        };
    }
}
