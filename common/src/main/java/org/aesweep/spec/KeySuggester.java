package org.aesweep.spec;

import java.util.Collection;
import java.util.Optional;

/** Finds the valid name a misspelling most likely meant, by edit distance. */
final class KeySuggester {
    private static final int MAX_DISTANCE = 2;

    private KeySuggester() {
    }

    static Optional<String> closest(String typed, Collection<String> valid) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : valid) {
            int distance = distance(typed, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " (did you mean 'x'?)" or nothing, ready to append to a message. */
    static String hint(String typed, Collection<String> valid) {
        return closest(typed, valid).map(name -> "; did you mean '" + name + "'?").orElse("");
    }

    /** Levenshtein distance with a single rolling row. */
    static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                int substitution = diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitution, Math.min(above, row[j - 1]) + 1);
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
