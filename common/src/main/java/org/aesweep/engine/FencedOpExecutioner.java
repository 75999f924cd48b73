package org.aesweep.engine;

import java.lang.ref.Reference;
import java.util.function.Supplier;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BroadcastOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.IndexAccumulation;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.summarystats.Variance;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;

/**
 * ND4J's CPU executioner, keeping every op reachable until its native call has returned.
 *
 * <p>ND4J frees an array's native buffer from a background thread once the garbage collector finds
 * the array unreachable. {@link NativeOpExecutioner} reads an op's buffers (for a broadcast, the
 * small dimension array the op created for itself), passes them to native code and never touches
 * the op again, so compiled code lets the op, and arrays only it holds, be collected while libnd4j
 * still reads them: a GC on another thread at that moment crashes the JVM in
 * {@code sd::DataBuffer::primary()} or {@code sd::TadDescriptor}. Every entry point here holds the
 * op (and its context) until the call returns. ND4J loads it when the JVM starts with
 * {@code -Dopexec=org.aesweep.engine.FencedOpExecutioner}, as conf/java17-opens.options and
 * conf/spark-defaults.conf do; {@link #isInstalled()} tells whether it was.
 */
public class FencedOpExecutioner extends NativeOpExecutioner {

    /** Whether ND4J runs its ops through this executioner. */
    public static boolean isInstalled() {
        return org.nd4j.linalg.factory.Nd4j.getExecutioner() instanceof FencedOpExecutioner;
    }

    @Override
    public INDArray exec(Op op) {
        return fenced(() -> super.exec(op), op, null);
    }

    @Override
    public INDArray exec(Op op, OpContext context) {
        return fenced(() -> super.exec(op, context), op, context);
    }

    @Override
    public INDArray exec(IndexAccumulation op) {
        return fenced(() -> super.exec(op), op, null);
    }

    @Override
    public INDArray exec(IndexAccumulation op, OpContext context) {
        return fenced(() -> super.exec(op, context), op, context);
    }

    @Override
    public INDArray exec(Variance op) {
        return fenced(() -> super.exec(op), op, null);
    }

    @Override
    public INDArray exec(ReduceOp op) {
        return fenced(() -> super.exec(op), op, null);
    }

    @Override
    public INDArray exec(ReduceOp op, OpContext context) {
        return fenced(() -> super.exec(op, context), op, context);
    }

    @Override
    public INDArray exec(ScalarOp op) {
        return fenced(() -> super.exec(op), op, null);
    }

    @Override
    public INDArray exec(ScalarOp op, OpContext context) {
        return fenced(() -> super.exec(op, context), op, context);
    }

    @Override
    public INDArray exec(BroadcastOp op) {
        return fenced(() -> super.exec(op), op, null);
    }

    @Override
    public INDArray exec(BroadcastOp op, OpContext context) {
        return fenced(() -> super.exec(op, context), op, context);
    }

    @Override
    public INDArray exec(RandomOp op) {
        return fenced(() -> super.exec(op), op, null);
    }

    @Override
    public INDArray exec(RandomOp op, Random rng) {
        return fenced(() -> super.exec(op, rng), op, null);
    }

    @Override
    public INDArray exec(RandomOp op, OpContext context, Random rng) {
        return fenced(() -> super.exec(op, context, rng), op, context);
    }

    @Override
    public INDArray[] exec(CustomOp op) {
        return fenced(() -> super.exec(op), op, null);
    }

    @Override
    public INDArray[] exec(CustomOp op, OpContext context) {
        return fenced(() -> super.exec(op, context), op, context);
    }

    /** Runs an op's call with the op and its context held reachable until the call has returned. */
    private static <T> T fenced(Supplier<T> call, Object op, Object context) {
        try {
            return call.get();
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }
}
