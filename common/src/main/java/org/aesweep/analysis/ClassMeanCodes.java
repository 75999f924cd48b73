package org.aesweep.analysis;

import java.io.IOException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.aesweep.tables.SweepTables;
import org.aesweep.tables.avro.LatentCodeRow;
import org.apache.hadoop.conf.Configuration;

/** The mean test-set code of each class of a run, from its latent_codes rows. */
public final class ClassMeanCodes {
    private ClassMeanCodes() {
    }

    public static SortedMap<Integer, float[]> of(SweepTables tables, String runId) throws IOException {
        SortedMap<Integer, double[]> sums = new TreeMap<>();
        SortedMap<Integer, Integer> counts = new TreeMap<>();
        for (LatentCodeRow row : tables.rows(LatentCodeRow.class, runId)) {
            List<Float> code = row.getCode();
            double[] sum = sums.computeIfAbsent(row.getLabel(), ignored -> new double[code.size()]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += code.get(i);
            }
            counts.merge(row.getLabel(), 1, Integer::sum);
        }
        SortedMap<Integer, float[]> means = new TreeMap<>();
        sums.forEach((label, sum) -> {
            float[] mean = new float[sum.length];
            for (int i = 0; i < sum.length; i++) {
                mean[i] = (float) (sum[i] / counts.get(label));
            }
            means.put(label, mean);
        });
        return means;
    }
}
