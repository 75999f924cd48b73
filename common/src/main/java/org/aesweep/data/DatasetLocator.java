package org.aesweep.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Finds the four IDX files of a dataset, given by name or by directory. */
public final class DatasetLocator {

    private static final Set<String> NAMED_DATASETS = Set.of("mnist", "fashion-mnist");
    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    private static final String GZIP_SUFFIX = ".gz";

    private DatasetLocator() {
    }

    /** True for the datasets that live under the data root by name: mnist and fashion-mnist. */
    public static boolean isNamedDataset(String dataset) {
        return NAMED_DATASETS.contains(dataset);
    }

    /**
     * Locates the dataset's files, each raw or with ".gz" (raw preferred when both exist).
     *
     * @param dataset  "mnist", "fashion-mnist", or a directory path/URI holding the four files
     * @param dataRoot directory holding the named datasets, and against which a relative dataset
     *                 directory is resolved; may be null or blank
     * @throws FileNotFoundException naming every missing file when any is missing
     * @throws IOException           when the file system cannot be queried
     */
    public static DataFiles locate(String dataset, String dataRoot, Configuration conf) throws IOException {
        Path directory = directoryOf(dataset, dataRoot);
        FileSystem fs = directory.getFileSystem(conf);
        List<String> missing = new ArrayList<>();
        Path trainImages = find(fs, directory, TRAIN_IMAGES, missing);
        Path trainLabels = find(fs, directory, TRAIN_LABELS, missing);
        Path testImages = find(fs, directory, TEST_IMAGES, missing);
        Path testLabels = find(fs, directory, TEST_LABELS, missing);
        if (!missing.isEmpty()) {
            throw new FileNotFoundException("dataset '" + dataset + "': directory " + directory
                    + " lacks " + String.join(", ", missing) + " (each raw or " + GZIP_SUFFIX
                    + "); submit/fetch-data.sh installs mnist and fashion-mnist");
        }
        return new DataFiles(trainImages, trainLabels, testImages, testLabels);
    }

    static Path directoryOf(String dataset, String dataRoot) {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset must be a name or a directory, got '" + dataset + "'");
        }
        boolean hasRoot = dataRoot != null && !dataRoot.isBlank();
        if (!hasRoot) {
            return new Path(dataset);
        }
        Path asGiven = new Path(dataset);
        boolean relative = asGiven.toUri().getScheme() == null && !asGiven.isAbsolute();
        return relative ? new Path(new Path(dataRoot), asGiven) : asGiven;
    }

    /** The raw file if present, else the gzip one, else null after noting the name as missing. */
    private static Path find(FileSystem fs, Path directory, String name, List<String> missing) throws IOException {
        Path raw = new Path(directory, name);
        if (fs.isFile(raw)) {
            return raw;
        }
        Path gzip = new Path(directory, name + GZIP_SUFFIX);
        if (fs.isFile(gzip)) {
            return gzip;
        }
        missing.add(name);
        return null;
    }
}
