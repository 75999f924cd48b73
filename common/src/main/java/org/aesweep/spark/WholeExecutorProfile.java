package org.aesweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;
import scala.Tuple2;

/**
 * A TaskResourceProfile whose tasks hold a whole executor: all its cores and, for every resource
 * ordinary tasks ask a share of (spark.task.resource.gpu.amount, say), all of the executor's
 * amount. Executors keep the default profile, so the stage runs on the executors the sweep already
 * has, one task per executor at a time.
 */
final class WholeExecutorProfile {
    private static final String TASK_RESOURCE = "spark.task.resource.";
    private static final String EXECUTOR_RESOURCE = "spark.executor.resource.";
    private static final String AMOUNT = ".amount";

    private WholeExecutorProfile() {
    }

    static ResourceProfile of(SparkConf conf, int executorCores) {
        TaskResourceRequests requests = new TaskResourceRequests().cpus(executorCores);
        for (Tuple2<String, String> setting : conf.getAllWithPrefix(TASK_RESOURCE)) {
            String key = setting._1();
            if (key.endsWith(AMOUNT)) {
                String resource = key.substring(0, key.length() - AMOUNT.length());
                requests.resource(resource, conf.getDouble(EXECUTOR_RESOURCE + resource + AMOUNT, 1));
            }
        }
        return new ResourceProfileBuilder().require(requests).build();
    }
}
