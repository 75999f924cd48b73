package org.aesweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * What the driver knows of the cores tasks can hold: an executor's cores, an ordinary task's share,
 * and whether Spark can give one stage's tasks more cores than the others' (stage-level scheduling
 * with a TaskResourceProfile, which Spark 3.5 supports on standalone, YARN and Kubernetes masters,
 * with or without dynamic allocation, but not in local mode).
 *
 * @param executorCores cores of one executor: spark.executor.cores, or local mode's threads; 0
 *                      when neither says (a standalone executor then takes all its worker's cores,
 *                      which the driver cannot see)
 * @param taskCpus      spark.task.cpus
 * @param taskProfiles  whether the master supports TaskResourceProfiles
 */
public record ExecutorCores(int executorCores, int taskCpus, boolean taskProfiles) {
    public static ExecutorCores of(JavaSparkContext jsc) {
        SparkConf conf = jsc.getConf();
        int taskCpus = conf.getInt("spark.task.cpus", 1);
        if (jsc.sc().isLocal()) {
            // local[N]: one executor, the driver, with N task threads.
            return new ExecutorCores(jsc.defaultParallelism(), taskCpus, false);
        }
        String master = jsc.master();
        boolean profiles = master.startsWith("spark://") || master.startsWith("local-cluster")
                || master.equals("yarn") || master.startsWith("k8s://");
        return new ExecutorCores(conf.getInt("spark.executor.cores", 0), taskCpus, profiles);
    }
}
