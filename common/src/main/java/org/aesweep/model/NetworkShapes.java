package org.aesweep.model;

import java.util.List;

import org.aesweep.spec.Architecture;

/**
 * The layers of the network {@link AutoencoderFactory} builds for an architecture and an image
 * size, worked out from the shapes alone: nothing is allocated or configured, so a planner can
 * look at every run of a large grid. Each architecture's class lays out its shapes next to its
 * builder, from the same widths and constants.
 */
public final class NetworkShapes {
    private NetworkShapes() {
    }

    /**
     * One entry per layer of the built network, in order.
     *
     * @throws IllegalArgumentException when the network cannot reconstruct images of rows x cols
     */
    public static List<LayerShape> of(Architecture architecture, int rows, int cols) {
        return switch (architecture.kind()) {
            case LINEAR, SHALLOW, DEEP, SPARSE -> DenseAutoencoder.layerShapes(architecture, rows, cols);
            case CONV -> ConvAutoencoder.layerShapes(architecture, rows, cols);
            case LSTM -> LstmAutoencoder.layerShapes(architecture, rows, cols);
        };
    }
}
