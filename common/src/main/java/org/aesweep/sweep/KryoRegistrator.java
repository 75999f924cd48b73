package org.aesweep.sweep;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.aesweep.grid.RunConfig;

/**
 * Lets Spark's Kryo serializer carry aesweep's task inputs and results. They are Java records,
 * whose final fields Kryo 4 cannot set, so they travel with Java serialization; they are tiny.
 * Configure as {@code spark.kryo.registrator=org.aesweep.sweep.KryoRegistrator} (comma-separated
 * with ND4J's registrator where DL4J's Spark training is used).
 */
public final class KryoRegistrator implements org.apache.spark.serializer.KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(RunConfig.class, new JavaSerializer());
        kryo.register(RunSummary.class, new JavaSerializer());
    }
}
