package org.aesweep.tables;

import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;

/**
 * How every operation that removes or replaces a sweep's rows guards against another writer of
 * the same sweep: a commit that another writer's data or deletes in the sweep's partition reached
 * since {@code base} fails, rather than silently dropping or duplicating their rows.
 */
final class SweepConflicts {
    private SweepConflicts() {
    }

    /**
     * @param base the snapshot the operation was planned on; null for a table that had none, which
     *             Iceberg then checks over its whole history, all of it written meanwhile
     */
    static OverwriteFiles validated(OverwriteFiles operation, String sweepId, Snapshot base) {
        if (base != null) {
            operation.validateFromSnapshot(base.snapshotId());
        }
        return operation.conflictDetectionFilter(DataFileDescriber.inSweep(sweepId))
                .validateNoConflictingData()
                .validateNoConflictingDeletes();
    }
}
