package org.aesweep.spec;

/**
 * One thing wrong with a sweep spec, located as precisely as the input allows.
 *
 * @param key    dotted path of the offending key, e.g. {@code architectures[1].hidden[0]}
 * @param source the spec file, or {@code --set} for command-line overrides
 * @param line   1-based line in the source, 0 when unknown
 */
public record SpecProblem(String key, String source, int line, String message) {
    @Override
    public String toString() {
        String where = line > 0 ? source + ":" + line : source;
        return key.isEmpty() ? where + ": " + message : where + ": " + key + ": " + message;
    }
}
