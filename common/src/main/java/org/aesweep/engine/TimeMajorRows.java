package org.aesweep.engine;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sequences {@code [b, k, T]} (DL4J's NCW) and their time-major rows {@code [T*b, k]} (step t is
 * rows {@code [t*b, (t+1)*b)}), the layout the engine's recurrent layers compute in. Rows become a
 * sequence as a view; a sequence becomes rows as a view when its memory already is time-major
 * (it was such a view), else by one copy.
 */
final class TimeMajorRows {
    private TimeMajorRows() {
    }

    /** {@code sequence} as time-major rows: a view where its memory is in that order, else a copy of the given kind. */
    static INDArray of(INDArray sequence, DataType dataType, ArrayType arrayType, LayerWorkspaceMgr workspaceMgr) {
        long b = sequence.size(0);
        long k = sequence.size(1);
        long steps = sequence.size(2);
        INDArray timeMajor = sequence.permute(2, 0, 1);
        long[] strides = timeMajor.stride();
        if (sequence.dataType() == dataType && strides[2] == 1 && strides[1] == k && strides[0] == b * k) {
            return timeMajor.reshape('c', steps * b, k);
        }
        INDArray rows = workspaceMgr.createUninitialized(arrayType, dataType, new long[] {steps * b, k}, 'c');
        rows.reshape('c', steps, b, k).assign(timeMajor);
        return rows;
    }

    /** Time-major {@code rows} of {@code b} sequences, seen as {@code [b, k, T]}. */
    static INDArray asSequence(INDArray rows, long b) {
        long steps = rows.rows() / b;
        return rows.reshape('c', steps, b, rows.columns()).permute(1, 2, 0);
    }
}
