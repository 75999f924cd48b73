package org.aesweep.testing;

import java.util.List;

import org.aesweep.spec.Architecture;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.CodeLayout;
import org.aesweep.spec.DataSelection;
import org.aesweep.spec.InputScaling;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.Noise;
import org.aesweep.spec.NoiseDraw;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.OptimizerKind;
import org.aesweep.spec.OutputActivation;
import org.aesweep.spec.ReplicateSampling;
import org.aesweep.spec.ReplicateSplit;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.StoppingSpec;
import org.aesweep.spec.TrainingRecipe;
import org.aesweep.spec.ValidationSize;

/** Builds run configs for tests: a small shallow Adam/BCE run unless a setter says otherwise. */
public final class TestRuns {
    private StoppingSpec stopping = StoppingSpec.defaults();
    private ReplicateSampling sampling = ReplicateSampling.seeds(1);
    private ValidationSize validation = ValidationSize.none();
    private String dataset = "synthetic";
    private ArchitectureKind kind = ArchitectureKind.SHALLOW;
    private List<Integer> hidden = List.of();
    /** Null: the mirror of hidden. */
    private List<Integer> decoder;
    /** Null: what the kind and loss used before it could be chosen. */
    private OutputActivation outputActivation;
    private InputScaling inputScaling = InputScaling.UNIT;
    private CodeLayout codeLayout = CodeLayout.DENSE;
    private int codeSize = 8;
    private String activation = "relu";
    private NoiseKind noise = NoiseKind.NONE;
    private double noiseLevel;
    private NoiseDraw noiseDraw = NoiseDraw.PER_BATCH;
    private int replicate;
    private double sparsityWeight = 1e-3;
    private int epochs = 2;
    private int batchSize = 32;
    private OptimizerKind optimizer = OptimizerKind.ADAM;
    private double learningRate = 0.003;
    private LossKind loss = LossKind.BCE;
    private int trainLimit;
    private int testLimit;

    public static TestRuns shallow(int codeSize) {
        TestRuns runs = new TestRuns();
        runs.codeSize = codeSize;
        return runs;
    }

    public TestRuns deep(List<Integer> hiddenSizes) {
        return kind(ArchitectureKind.DEEP, hiddenSizes);
    }

    public TestRuns kind(ArchitectureKind architecture, List<Integer> hiddenSizes) {
        kind = architecture;
        hidden = List.copyOf(hiddenSizes);
        return this;
    }

    public TestRuns decoder(List<Integer> decoderSizes) {
        decoder = List.copyOf(decoderSizes);
        return this;
    }

    public TestRuns output(OutputActivation activation, InputScaling scaling) {
        outputActivation = activation;
        inputScaling = scaling;
        return this;
    }

    public TestRuns codeLayout(CodeLayout layout) {
        codeLayout = layout;
        return this;
    }

    public TestRuns dataset(String name) {
        dataset = name;
        return this;
    }

    public TestRuns noise(NoiseKind kind, double level) {
        noise = kind;
        noiseLevel = level;
        return this;
    }

    public TestRuns noiseDraw(NoiseDraw draw) {
        noiseDraw = draw;
        return this;
    }

    /** The L1 weight of a sparse run (1e-3 unless set). */
    public TestRuns sparsityWeight(double weight) {
        sparsityWeight = weight;
        return this;
    }

    public TestRuns activation(String name) {
        activation = name;
        return this;
    }

    public TestRuns replicate(int index) {
        replicate = index;
        return this;
    }

    public TestRuns epochs(int count) {
        epochs = count;
        return this;
    }

    public TestRuns batchSize(int size) {
        batchSize = size;
        return this;
    }

    public TestRuns optimizer(OptimizerKind kind, double rate) {
        optimizer = kind;
        learningRate = rate;
        return this;
    }

    public TestRuns loss(LossKind kind) {
        loss = kind;
        return this;
    }

    public TestRuns limits(int train, int test) {
        trainLimit = train;
        testLimit = test;
        return this;
    }

    public TestRuns stopping(double divergenceFactor, int patience) {
        stopping = new StoppingSpec(divergenceFactor, patience);
        return this;
    }

    public TestRuns validation(ValidationSize size) {
        validation = size;
        return this;
    }

    public TestRuns sampling(ReplicateSplit split, int replicates) {
        return sampling(new ReplicateSampling(split, replicates));
    }

    public TestRuns sampling(ReplicateSampling replicateSampling) {
        sampling = replicateSampling;
        return this;
    }

    public RunConfig build() {
        return new RunConfig(new DataSelection(dataset, trainLimit, testLimit, sampling, validation),
                new Architecture(kind.specName(), kind, hidden,
                        decoder == null ? Architecture.mirroredDecoder(kind, codeLayout, hidden) : decoder, activation,
                        outputActivation == null ? OutputActivation.defaultFor(kind, loss) : outputActivation,
                        inputScaling, codeLayout, codeSize, kind == ArchitectureKind.SPARSE ? sparsityWeight : 0.0),
                new Noise(noise, noiseLevel, noiseDraw), new TrainingRecipe(epochs, batchSize, optimizer, learningRate, loss, stopping),
                replicate, 7);
    }
}
