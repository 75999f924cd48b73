package org.aesweep.spec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** The problems a refused spec reports, and a check that one of them names a key and a rule. */
final class SpecProblems {
    private SpecProblems() {
    }

    /** The problems of {@code yaml}, which must be refused. */
    static List<SpecProblem> refused(String yaml, List<String> overrides) {
        return assertThrows(SpecException.class, () -> SpecLoader.load(yaml, "spec.yaml", overrides)).problems();
    }

    static List<SpecProblem> refused(String yaml) {
        return refused(yaml, List.of());
    }

    /** Some problem sits at {@code key} and its message contains {@code fragment}. */
    static void assertProblem(List<SpecProblem> problems, String key, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.key().equals(key) && p.message().contains(fragment)),
                "no problem at " + key + " containing '" + fragment + "' in " + problems);
    }
}
