package org.aesweep.data;

import org.apache.hadoop.fs.Path;

/** The four IDX files of one dataset, each either raw or gzip-compressed. */
public record DataFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {
}
