package org.aesweep.bench;

/**
 * A peer implementation's steady epochs for one architecture, at the thread count it was fastest
 * with (0 where the peer did not say).
 */
public record PeerEpochs(Spread seconds, int threads) {
    public String describe(String format) {
        return seconds.describe(format) + (threads > 0 ? ", " + threads + " thread" + (threads == 1 ? "" : "s") : "");
    }
}
