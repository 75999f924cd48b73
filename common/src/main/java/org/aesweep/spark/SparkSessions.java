package org.aesweep.spark;

import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the jobs' Spark session. Settings given by spark-submit or spark-defaults win; what is
 * missing gets aesweep's defaults, so a plain {@code java} launch runs an embedded local-mode Spark.
 */
public final class SparkSessions {
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {
    }

    /** @param master a master URL to force, or null to keep spark-submit's (or default to local) */
    public static SparkSession create(String appName, String master) {
        return create(appName, master, Map.of());
    }

    /** @param settings Spark settings that win over spark-submit's, e.g. spark.task.cpus for a benchmark */
    public static SparkSession create(String appName, String master, Map<String, String> settings) {
        SparkConf conf = new SparkConf();
        settings.forEach(conf::set);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        conf.setIfMissing("spark.app.name", appName);
        conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        conf.setIfMissing("spark.kryo.registrator", KryoRegistrator.class.getName());
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
