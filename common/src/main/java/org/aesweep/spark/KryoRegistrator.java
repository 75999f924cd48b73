package org.aesweep.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.aesweep.plan.PlannedRun;
import org.aesweep.plan.RunBatch;
import org.aesweep.spec.RunConfig;
import org.nd4j.kryo.Nd4jRegistrator;

/**
 * Lets Spark's Kryo serializer carry aesweep's task inputs and results and ND4J's arrays (DL4J's
 * parameter averaging ships them). aesweep's types are Java records, whose final fields Kryo 4
 * cannot set, so they travel with Java serialization; they are tiny. ND4J's arrays live off-heap
 * and need ND4J's own registrations. Configure as
 * {@code spark.kryo.registrator=org.aesweep.spark.KryoRegistrator}; it includes ND4J's.
 */
public final class KryoRegistrator implements org.apache.spark.serializer.KryoRegistrator {
    private final Nd4jRegistrator nd4j = new Nd4jRegistrator();

    @Override
    public void registerClasses(Kryo kryo) {
        nd4j.registerClasses(kryo);
        kryo.register(RunConfig.class, new JavaSerializer());
        kryo.register(PlannedRun.class, new JavaSerializer());
        kryo.register(RunBatch.class, new JavaSerializer());
        // Results (a run's summary) are records of the packages that use this runtime; any record
        // Kryo meets unregistered takes the same route.
        kryo.addDefaultSerializer(Record.class, new JavaSerializer());
    }
}
