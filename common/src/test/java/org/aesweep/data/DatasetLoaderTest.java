package org.aesweep.data;

import static org.aesweep.data.IdxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    private static final Configuration CONF = new Configuration();

    @TempDir
    File root;

    @Test
    void loadsWholeSetsWithoutLimits() throws IOException {
        IdxTestFiles.writeDataset(new File(root, "mnist"), 30, 12, 4, 4, true);
        TrainTestSplit split = DatasetLoader.load("mnist", root.getPath(), 0, 0, 1, CONF);
        assertEquals(30, split.train().count());
        assertEquals(12, split.test().count());
        assertEquals(16, split.test().pixelsPerImage());
        assertEquals(IdxTestFiles.pixelByte(5, 3) / 255f, split.train().pixel(5, 3));
    }

    @Test
    void appliesSeededLimits() throws IOException {
        IdxTestFiles.writeDataset(new File(root, "mnist"), 30, 12, 4, 4, false);
        TrainTestSplit first = DatasetLoader.load("mnist", root.getPath(), 10, 5, 9, CONF);
        TrainTestSplit again = DatasetLoader.load("mnist", root.getPath(), 10, 5, 9, CONF);
        assertEquals(10, first.train().count());
        assertEquals(5, first.test().count());
        for (int k = 0; k < 10; k++) {
            assertEquals(first.train().sourceIndex(k), again.train().sourceIndex(k));
            assertEquals(first.train().sourceIndex(k) % 10, first.train().label(k));
        }
    }

    @Test
    void rejectsTestImagesOfAnotherShape() throws IOException {
        File dir = new File(root, "mixed");
        IdxTestFiles.writeDataset(dir, 6, 2, 4, 4, false);
        IdxTestFiles.write(dir, "t10k-images-idx3-ubyte", IdxTestFiles.images(2, 5, 4));
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> DatasetLoader.load("mixed", root.getPath(), 0, 0, 1, CONF));
        assertMessage(e, "t10k-images-idx3-ubyte", "5x4", "4x4");
    }
}
