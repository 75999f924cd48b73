package org.aesweep.spark;

import java.io.IOException;
import java.net.InetAddress;

import org.apache.spark.SparkEnv;

/** Names the JVM a task runs in as executor-id@host, for the runs table and logs. */
public final class ExecutorNames {
    private ExecutorNames() {
    }

    public static String current() {
        SparkEnv env = SparkEnv.get();
        String id = env == null ? "none" : env.executorId();
        try {
            return id + "@" + InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return id;
        }
    }
}
