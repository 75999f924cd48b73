package org.aesweep.outputs;

import org.aesweep.spec.RunConfig;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Fills the columns every per-run table repeats (run id and grid point) so BI tools can filter any
 * table without joining. The field names are the shared contract of the .avsc schemas.
 */
public final class GridPointColumns {
    private GridPointColumns() {
    }

    public static <T extends SpecificRecordBase> T fill(T row, RunConfig config) {
        row.put("run_id", config.runId());
        row.put("dataset", config.data().dataset());
        row.put("architecture", config.architecture().label());
        row.put("code_size", config.architecture().codeSize());
        row.put("noise_kind", config.noise().kind().specName());
        row.put("noise_level", config.noise().level());
        row.put("sparsity_weight", config.architecture().sparsityWeight());
        row.put("replicate", config.replicate());
        return row;
    }
}
