package org.aesweep.data;

import static org.aesweep.data.IdxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLocatorTest {

    private static final Configuration CONF = new Configuration();

    @TempDir
    File root;

    @Test
    void findsNamedDatasetUnderRoot() throws IOException {
        IdxTestFiles.writeDataset(new File(root, "fashion-mnist"), 4, 2, 3, 3, true);
        DataFiles files = DatasetLocator.locate("fashion-mnist", root.getPath(), CONF);
        assertEquals("train-images-idx3-ubyte.gz", files.trainImages().getName());
        assertEquals("t10k-labels-idx1-ubyte.gz", files.testLabels().getName());
        assertEquals("fashion-mnist", files.testImages().getParent().getName());
    }

    @Test
    void prefersRawOverGzip() throws IOException {
        File mnist = new File(root, "mnist");
        IdxTestFiles.writeDataset(mnist, 4, 2, 3, 3, true);
        IdxTestFiles.write(mnist, "train-labels-idx1-ubyte", IdxTestFiles.labelsFor(4));
        DataFiles files = DatasetLocator.locate("mnist", root.getPath(), CONF);
        assertEquals("train-labels-idx1-ubyte", files.trainLabels().getName());
        assertEquals("train-images-idx3-ubyte.gz", files.trainImages().getName());
    }

    @Test
    void resolvesRelativeDirectoryUnderRootAndAbsoluteAsIs() throws IOException {
        File custom = new File(root, "sets/custom");
        IdxTestFiles.writeDataset(custom, 4, 2, 3, 3, false);
        Path expected = new Path(custom.getAbsolutePath());
        DataFiles relative = DatasetLocator.locate("sets/custom", root.getPath(), CONF);
        assertEquals(new Path(expected, "train-images-idx3-ubyte"), relative.trainImages());
        DataFiles absolute = DatasetLocator.locate(expected.toString(), "/nonexistent-root", CONF);
        assertEquals(new Path(expected, "train-images-idx3-ubyte"), absolute.trainImages());
    }

    @Test
    void missingFilesAreAllNamedInOneMessage() throws IOException {
        File mnist = new File(root, "mnist");
        IdxTestFiles.write(mnist, "train-images-idx3-ubyte.gz", IdxTestFiles.gzip(IdxTestFiles.images(1, 2, 2)));
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> DatasetLocator.locate("mnist", root.getPath(), CONF));
        assertMessage(e, "'mnist'", mnist.getPath(), "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte", "submit/fetch-data.sh");
        assertFalse(e.getMessage().contains("train-images"), e.getMessage());
    }

    @Test
    void knowsNamedDatasets() {
        assertTrue(DatasetLocator.isNamedDataset("mnist"));
        assertTrue(DatasetLocator.isNamedDataset("fashion-mnist"));
        assertFalse(DatasetLocator.isNamedDataset("hdfs:///data/mnist"));
    }
}
