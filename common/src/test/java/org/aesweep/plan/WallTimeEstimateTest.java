package org.aesweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class WallTimeEstimateTest {
    @Test
    void tasksTakeTheSlotThatFreesFirstInTheirOrder() {
        // Slot A: 10, then 2 (t=12); slot B: 6, 4, then 3 (t=13).
        assertEquals(13, WallTimeEstimate.makespan(List.of(10.0, 6.0, 4.0, 2.0, 3.0), 2), 0.0);
        assertEquals(25, WallTimeEstimate.makespan(List.of(10.0, 6.0, 4.0, 2.0, 3.0), 1), 0.0);
        assertEquals(10, WallTimeEstimate.makespan(List.of(10.0, 6.0, 4.0, 2.0, 3.0), 8), 0.0);
        assertEquals(0, WallTimeEstimate.makespan(List.of(), 4), 0.0);
    }

    @Test
    void theTotalAddsTheStagesThatRunOneAfterAnother() {
        assertEquals(60, new WallTimeEstimate(10, 20, 30).totalSeconds(), 0.0);
    }
}
