package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Timings, printed and not asserted; run with {@code -Daesweep.timing=true}. Fused training of K=8
 * 784-32-784 BCE autoencoders at batch 256 against the same 8 stepped one after another as solo
 * networks, on 2 threads; and the K products of a grouped layer as K gemms into column blocks
 * against libnd4j's batched_gemm op.
 */
@EnabledIfSystemProperty(named = "aesweep.timing", matches = "true")
class FusedDenseTimingTest {
    private static final int K = 8;
    private static final int N = 784;
    private static final int CODE = 32;
    private static final int BATCH = 256;
    private static final int STEPS = 100;
    private static final int WARMUP = 10;

    private static void twoThreads() {
        Nd4j.getEnvironment().setMaxThreads(2);
        Nd4j.getEnvironment().setMaxMasterThreads(2);
        Nd4j.factory().blas().setMaxThreads(2);
    }

    @Test
    void fusedVersusSoloSteps() {
        twoThreads();
        Nd4j.getRandom().setSeed(5);
        INDArray rows = Nd4j.rand(DataType.FLOAT, 4000, N);
        MultiLayerNetwork[] solos = new MultiLayerNetwork[K];
        for (int k = 0; k < K; k++) {
            solos[k] = FusedDenseEquivalenceTest.solo(100 + k, ReconstructionLoss.BCE);
        }
        Random random = new Random(1);
        double soloSeconds = 0;
        for (int round = 0; round < 2; round++) {
            // Round 0 warms up; round 1 is timed.
            int steps = round == 0 ? WARMUP : STEPS;
            long start = System.nanoTime();
            for (int step = 0; step < steps; step++) {
                for (int k = 0; k < K; k++) {
                    INDArray x = Nd4j.pullRows(rows, 1, random.ints(BATCH, 0, 4000).toArray());
                    solos[k].fit(x, x);
                }
            }
            soloSeconds = (System.nanoTime() - start) / 1e9;
        }
        System.out.printf("TIMING K=%d 784-32-784 batch %d, %d steps of all K runs: solo %.2f s%n",
                K, BATCH, STEPS, soloSeconds);
        char saved = GroupedDenseImpl.ORDER;
        try {
            for (char order : new char[] {'c', 'f'}) {
                GroupedDenseImpl.ORDER = order;
                MultiLayerNetwork fused = FusedDense.build(K, new int[] {N, CODE, N}, Activation.RELU,
                        Activation.SIGMOID, ReconstructionLoss.BCE, FusedDenseEquivalenceTest.common(99));
                double fusedSeconds = 0;
                for (int round = 0; round < 2; round++) {
                    int steps = round == 0 ? WARMUP : STEPS;
                    long start = System.nanoTime();
                    for (int step = 0; step < steps; step++) {
                        INDArray[] batches = new INDArray[K];
                        for (int k = 0; k < K; k++) {
                            batches[k] = Nd4j.pullRows(rows, 1, random.ints(BATCH, 0, 4000).toArray());
                        }
                        INDArray x = FusedDense.join(batches);
                        fused.fit(x, x);
                        FusedDense.branchLosses(fused);
                    }
                    fusedSeconds = (System.nanoTime() - start) / 1e9;
                }
                System.out.printf("TIMING fused (%s-order activations): %.2f s, solo/fused %.2fx%n", order,
                        fusedSeconds, soloSeconds / fusedSeconds);
            }
        } finally {
            GroupedDenseImpl.ORDER = saved;
        }
    }

    @Test
    void blockGemmsVersusBatchedGemm() {
        twoThreads();
        for (int[] shape : new int[][] {{BATCH, N, CODE}, {BATCH, CODE, N}}) {
            int m = shape[0];
            int kk = shape[1];
            int n = shape[2];
            Nd4j.getRandom().setSeed(6);
            INDArray x = Nd4j.rand(DataType.FLOAT, m, K * kk).dup('f');
            INDArray w = Nd4j.rand(DataType.FLOAT, kk, K * n).dup('f');
            INDArray z = Nd4j.create(DataType.FLOAT, new long[] {m, K * n}, 'f');
            INDArray[] a = new INDArray[K];
            INDArray[] b = new INDArray[K];
            INDArray[] c = new INDArray[K];
            for (int k = 0; k < K; k++) {
                a[k] = GroupedDenseImpl.columnBlock(x, k, kk).dup('f');
                b[k] = GroupedDenseImpl.columnBlock(w, k, n).dup('f');
                c[k] = Nd4j.create(DataType.FLOAT, new long[] {m, n}, 'f');
            }
            int reps = 200;
            double blocks = 0;
            double batched = Double.NaN;
            String batchedNote = "";
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                for (int r = 0; r < reps; r++) {
                    for (int k = 0; k < K; k++) {
                        GroupedDenseImpl.gemm(GroupedDenseImpl.columnBlock(x, k, kk), GroupedDenseImpl.columnBlock(w, k, n),
                                GroupedDenseImpl.columnBlock(z, k, n), false, false, 1.0, 0.0);
                    }
                }
                blocks = (System.nanoTime() - start) / 1e9 / reps;
                try {
                    DynamicCustomOp op = batchedGemm(a, b, c, m, n, kk);
                    start = System.nanoTime();
                    for (int r = 0; r < reps; r++) {
                        Nd4j.exec(op);
                    }
                    batched = (System.nanoTime() - start) / 1e9 / reps;
                    double worst = 0;
                    for (int k = 0; k < K; k++) {
                        worst = Math.max(worst, c[k].sub(GroupedDenseImpl.columnBlock(z, k, n))
                                .amaxNumber().doubleValue());
                    }
                    batchedNote = "max |batched - blocks| " + worst;
                } catch (RuntimeException e) {
                    batchedNote = "batched_gemm failed: " + e;
                }
            }
            System.out.printf("TIMING gemm %d x [%d,%d]x[%d,%d]: K gemms into column blocks %.3f ms,"
                    + " batched_gemm %.3f ms (%s)%n", K, m, kk, kk, n, blocks * 1e3, batched * 1e3, batchedNote);
            assertTrue(blocks > 0);
        }
    }

    /**
     * libnd4j's batched_gemm with its inputs as the op expects them: K alphas, K betas, the K A's,
     * the K B's, outputs the K C's; integer args transA, transB, M, N, K, ldA, ldB, ldC, batch.
     * (ND4J's BatchMmul(INDArray...) leaves out the alphas and betas.)
     */
    private static DynamicCustomOp batchedGemm(INDArray[] a, INDArray[] b, INDArray[] c, int m, int n, int kk) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("batched_gemm")
                .addInputs(Nd4j.ones(DataType.FLOAT, K), Nd4j.zeros(DataType.FLOAT, K));
        op.addInputs(a).addInputs(b).addOutputs(c);
        op.addIntegerArguments(0, 0, m, n, kk, m, kk, m, K);
        return op.build();
    }
}
