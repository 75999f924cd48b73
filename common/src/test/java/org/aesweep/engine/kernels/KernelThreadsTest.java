package org.aesweep.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class KernelThreadsTest {
    private final int threadsBefore = Nd4j.getEnvironment().maxMasterThreads();

    @AfterEach
    void restoreThreads() {
        Nd4j.getEnvironment().setMaxMasterThreads(threadsBefore);
    }

    @Test
    void rangesCoverTheWholeCountInOrderOnUnitBoundaries() {
        Nd4j.getEnvironment().setMaxMasterThreads(2);
        int count = 3 * KernelThreads.MIN_PER_PART + 5;
        List<int[]> ranges = KernelThreads.split(count, 16, (from, to) -> new int[] {from, to});
        assertEquals(2, ranges.size());
        int expectedStart = 0;
        for (int[] range : ranges) {
            assertEquals(expectedStart, range[0]);
            assertEquals(0, range[0] % 16);
            expectedStart = range[1];
        }
        assertEquals(count, expectedStart);
    }

    @Test
    void smallCountsAndOneThreadStayOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        Nd4j.getEnvironment().setMaxMasterThreads(2);
        assertEquals(List.of(true), KernelThreads.split(KernelThreads.MIN_PER_PART, 16,
                (from, to) -> Thread.currentThread() == caller));
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        List<Boolean> onCaller = KernelThreads.split(10 * KernelThreads.MIN_PER_PART, 16,
                (from, to) -> Thread.currentThread() == caller);
        assertEquals(List.of(true), onCaller);
        Nd4j.getEnvironment().setMaxMasterThreads(2);
        List<Boolean> split = KernelThreads.split(10 * KernelThreads.MIN_PER_PART, 16,
                (from, to) -> Thread.currentThread() == caller);
        assertEquals(2, split.size());
        assertTrue(split.get(0));
    }
}
