package org.aesweep.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.aesweep.spec.ReplicateSplit;
import org.aesweep.tables.avro.RunRow;

/**
 * A grid point's finished runs in the order of its design's replicates, and the design: crossed for
 * a crossed replicate split of at least 2 data splits x 2 seeds, over the data splits whose every
 * seed finished (a missing cell would unbalance the ANOVA); independent replicates otherwise.
 *
 * @param note what a reader of the intervals should know about the design, or null
 */
record DesignedRuns(List<RunRow> runs, ReplicateDesign design, String note) implements Serializable {
    static DesignedRuns of(List<RunRow> runs) {
        RunRow first = runs.get(0);
        if (!ReplicateSplit.CROSSED.specName().equals(first.getReplicateSplit())) {
            return new DesignedRuns(runs, new SingleFactorDesign(runs.size()), null);
        }
        int splits = first.getDataSplits();
        int seeds = first.getReplicates() / splits;
        Map<Integer, RunRow[]> bySplit = new TreeMap<>();
        for (RunRow run : runs) {
            if (run.getDataSplit() != null && run.getSeedIndex() != null && run.getSeedIndex() < seeds) {
                bySplit.computeIfAbsent(run.getDataSplit(), split -> new RunRow[seeds])[run.getSeedIndex()] = run;
            }
        }
        List<RunRow[]> complete = bySplit.values().stream()
                .filter(cells -> Arrays.stream(cells).allMatch(Objects::nonNull)).toList();
        if (complete.size() < 2 || seeds < 2) {
            return new DesignedRuns(runs, new SingleFactorDesign(runs.size()), splits >= 2 && seeds >= 2
                    ? "a crossed design with fewer than 2 data splits whose seeds all finished: decomposed as"
                    + " independent replicates" : null);
        }
        List<RunRow> ordered = new ArrayList<>();
        int[][] cells = new int[complete.size()][seeds];
        for (int d = 0; d < complete.size(); d++) {
            for (int s = 0; s < seeds; s++) {
                cells[d][s] = ordered.size();
                ordered.add(complete.get(d)[s]);
            }
        }
        return new DesignedRuns(ordered, new CrossedDesign(cells), complete.size() < splits
                ? "crossed over the " + complete.size() + " of " + splits + " data splits whose " + seeds
                + " seeds all finished" : null);
    }
}
