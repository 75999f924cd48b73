package org.aesweep.data;

/** Training and test samples of one dataset, both with the same image shape. */
public record TrainTestSplit(LabeledImages train, LabeledImages test) {
}
