package org.aesweep.tables;

import java.util.ArrayList;
import java.util.List;

import org.apache.iceberg.events.CreateSnapshotEvent;
import org.apache.iceberg.events.Listeners;

/**
 * The order in which snapshots are committed across tables, which no table's own metadata shows
 * (sequence numbers are per table, commit times share milliseconds). Iceberg announces every
 * snapshot it commits to the listeners registered with it; they cannot be removed again, so one is
 * registered for the JVM and records only while a log is open.
 */
final class CommitLog implements AutoCloseable {
    private static final List<String> COMMITS = new ArrayList<>();
    private static boolean recording;

    static {
        Listeners.register(CommitLog::record, CreateSnapshotEvent.class);
    }

    private CommitLog() {
    }

    static CommitLog start() {
        synchronized (COMMITS) {
            COMMITS.clear();
            recording = true;
        }
        return new CommitLog();
    }

    private static void record(CreateSnapshotEvent event) {
        synchronized (COMMITS) {
            if (recording) {
                // aesweep.<namespace>.<table>: the table is the last part.
                String name = event.tableName();
                COMMITS.add(name.substring(name.lastIndexOf('.') + 1));
            }
        }
    }

    /** The tables that committed a snapshot since {@link #start}, in commit order. */
    List<String> tables() {
        synchronized (COMMITS) {
            return new ArrayList<>(COMMITS);
        }
    }

    @Override
    public void close() {
        synchronized (COMMITS) {
            recording = false;
            COMMITS.clear();
        }
    }
}
