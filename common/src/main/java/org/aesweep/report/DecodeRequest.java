package org.aesweep.report;

import java.util.List;

/**
 * Which run's decoder draws which codes, for {@link CodeDecoding}.
 *
 * @param points     code vectors to decode, in order
 * @param classMeans also decode the mean test-set code of each class
 * @param png        the output image, or null for the run's default under the sweep's reports
 */
public record DecodeRequest(String outRoot, String sweepId, String runId, List<float[]> points, boolean classMeans,
                            String png) {
    public DecodeRequest {
        points = List.copyOf(points);
    }
}
