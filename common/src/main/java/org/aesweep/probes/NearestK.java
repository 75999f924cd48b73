package org.aesweep.probes;

import java.util.Arrays;

/** The k smallest distances offered so far and whose they are, nearest first; ties keep the earlier offer. */
final class NearestK {
    private final int[] indices;
    private final float[] distances;

    NearestK(int k) {
        indices = new int[k];
        distances = new float[k];
        Arrays.fill(distances, Float.POSITIVE_INFINITY);
    }

    /** The distance an offer must be below to get in. */
    float threshold() {
        return distances[distances.length - 1];
    }

    void offer(float distance, int index) {
        if (distance >= threshold()) {
            return;
        }
        int position = distances.length - 1;
        while (position > 0 && distances[position - 1] > distance) {
            distances[position] = distances[position - 1];
            indices[position] = indices[position - 1];
            position--;
        }
        distances[position] = distance;
        indices[position] = index;
    }

    int[] indices() {
        return indices.clone();
    }
}
