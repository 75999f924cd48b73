package org.aesweep.tables;

import org.apache.iceberg.TableProperties;

/**
 * Expires snapshots older than the table's history setting, Iceberg's
 * {@value TableProperties#MAX_SNAPSHOT_AGE_MS} (5 days unless changed with
 * {@code ALTER TABLE ... SET TBLPROPERTIES}), keeping at least the current one; files that only
 * expired snapshots referenced are deleted (Iceberg deletes a file the current snapshot removed
 * once a later commit, or that snapshot's own expiry, drops the record of its removal). Until then
 * reruns and overwrites of a sweep can be compared by time travel.
 */
public final class ExpireHistory {
    private ExpireHistory() {
    }

    public static void expire(TableCatalog catalog) {
        for (Table table : Table.values()) {
            org.apache.iceberg.Table iceberg = catalog.load(table);
            if (iceberg.currentSnapshot() != null) {
                iceberg.expireSnapshots().commit();
            }
        }
    }
}
