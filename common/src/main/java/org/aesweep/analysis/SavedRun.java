package org.aesweep.analysis;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.outputs.RunConfigs;
import org.aesweep.spec.InputScaling;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.train.PixelScaling;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A committed run brought back: its config from the runs table and its trained weights from the
 * saved model, wrapped as an {@link Autoencoder} so its codes can be decoded. Its model takes and
 * gives images in the run's input scaling; {@link #reconstructedImages} and {@link #decodedImages}
 * speak [0, 1] intensities, as pictures show them, whatever that scaling.
 */
public record SavedRun(RunConfig config, Autoencoder model, int imageRows, int imageCols) {

    /** The run as the sweep's tables hold it (on the driver, where the catalog is). */
    public static SavedRun load(SweepTables tables, String runId) throws IOException {
        List<RunRow> runsRows = tables.rows(RunRow.class, runId);
        if (runsRows.isEmpty()) {
            throw new FileNotFoundException("run " + runId + " of sweep " + tables.sweepId() + " has no committed row in "
                    + tables.catalog().qualifiedName(Table.RUNS));
        }
        return load(tables.layout(), runsRows.get(0), tables.catalog().hadoopConf());
    }

    /** The run of a runs row the driver read (anywhere, executors included). */
    public static SavedRun load(TableLayout layout, RunRow row, Configuration conf) throws IOException {
        Path modelFile = layout.modelFile(row.getRunId());
        FileSystem fs = modelFile.getFileSystem(conf);
        if (!fs.exists(modelFile)) {
            throw new FileNotFoundException("run " + row.getRunId() + " of sweep " + layout.sweepId()
                    + " has no saved model at " + modelFile);
        }
        RunConfig config = RunConfigs.fromRunsRow(row);
        // The factory knows the code layer and input layout; the saved file supplies the weights.
        int rows = row.getImageRows();
        int cols = row.getImageCols();
        Autoencoder model = AutoencoderFactory.build(config, rows, cols);
        try (InputStream in = fs.open(modelFile)) {
            MultiLayerNetwork saved = ModelSerializer.restoreMultiLayerNetwork(in, false);
            if (model.hasLayerTypesOf(saved)) {
                model.network().setParams(saved.params());
            } else {
                // Written by an earlier aesweep whose layers (DL4J's own LSTM) lay parameters out otherwise.
                model = model.withNetwork(saved);
            }
        }
        return new SavedRun(config, model, rows, cols);
    }

    /** The run's reconstructions of {@code images} (rows of [0, 1] intensities), as [0, 1] intensities. */
    public INDArray reconstructedImages(INDArray images) {
        InputScaling scaling = config.architecture().inputScaling();
        return PixelScaling.unscale(model.reconstruct(PixelScaling.scale(images, scaling)), scaling);
    }

    /** The run's decoder's images of {@code codes} (one per row), as [0, 1] intensities. */
    public INDArray decodedImages(INDArray codes) {
        return PixelScaling.unscale(model.decode(codes), config.architecture().inputScaling());
    }
}
