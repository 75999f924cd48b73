package org.aesweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValidationSizeTest {
    @Test
    void aCountIsHeldOutAsGivenAndAFractionIsRoundedKeepingBothPartsNonEmpty() {
        assertEquals(5000, ValidationSize.ofCount(5000).samples(60000));
        assertEquals(6000, ValidationSize.ofFraction(0.1).samples(60000));
        assertEquals(1, ValidationSize.ofFraction(0.001).samples(10), "at least one sample");
        assertEquals(9, ValidationSize.ofFraction(0.99).samples(10), "at least one training sample left");
        assertEquals(0, ValidationSize.none().samples(60000));
        assertThrows(IllegalArgumentException.class, () -> ValidationSize.ofCount(10).samples(10));
    }

    @Test
    void theSpecFormParsesBack() {
        for (ValidationSize size : new ValidationSize[] {ValidationSize.ofCount(5000), ValidationSize.ofFraction(0.1),
                ValidationSize.ofFraction(1e-4), ValidationSize.none()}) {
            assertEquals(size, ValidationSize.parse(size.isNone() ? null : size.specForm()), size.toString());
        }
        assertTrue(ValidationSize.none().isNone());
    }
}
