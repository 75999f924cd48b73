package org.aesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ClassNamesTest {
    @Test
    void fashionMnistLabelsAreItsGarments() {
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"),
                IntStream.range(0, 10).mapToObj(label -> ClassNames.of("fashion-mnist", label)).toList());
    }

    @Test
    void mnistLabelsAreTheirDigitsAndOtherDatasetsSayClass() {
        assertEquals("7", ClassNames.of("mnist", 7));
        assertEquals("class 7", ClassNames.of("file:/data/letters", 7));
        assertEquals("class 12", ClassNames.of("fashion-mnist", 12));
    }
}
