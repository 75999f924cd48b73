package org.aesweep.spec;

import static org.aesweep.spec.SpecProblems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The architecture entry's decoder, output activation, input scaling and code layout keys. */
class ArchitectureOptionsTest {
    private static final String MINIMAL = "dataset: mnist\ncode_sizes: [2, 4]\n";

    private static ArchitectureSpec only(String architectures) throws SpecException {
        List<ArchitectureSpec> all = SpecLoader.load(MINIMAL + architectures, "spec.yaml", List.of()).architectures();
        assertEquals(1, all.size());
        return all.get(0);
    }

    private static List<SpecProblem> problems(String architectures) {
        return SpecProblems.refused(MINIMAL + architectures);
    }

    @Test
    void anAsymmetricDenseNetHasItsOwnDecoder() throws Exception {
        ArchitectureSpec spec = only("""
                architectures:
                  - name: deep
                    hidden: [50]
                    decoder: []
                    output_activation: relu
                    loss: mse
                """);
        assertEquals(List.of(50), spec.hidden());
        assertEquals(List.of(), spec.decoder());
        assertEquals(OutputActivation.RELU, spec.outputActivation());
        assertEquals(InputScaling.UNIT, spec.inputScaling());
    }

    @Test
    void withoutTheKeysEveryNetIsWhatItWasBefore() throws Exception {
        List<ArchitectureSpec> all = SpecLoader.load(MINIMAL + """
                architectures:
                  - linear
                  - shallow
                  - name: deep
                    hidden: [128, 64]
                  - conv
                  - lstm
                """, "spec.yaml", List.of()).architectures();
        assertEquals(List.of(List.of(), List.of(), List.of(64, 128), List.of(), List.of(100)),
                all.stream().map(ArchitectureSpec::decoder).toList());
        assertEquals(List.of(OutputActivation.IDENTITY, OutputActivation.SIGMOID, OutputActivation.SIGMOID,
                        OutputActivation.SIGMOID, OutputActivation.SIGMOID),
                all.stream().map(ArchitectureSpec::outputActivation).toList());
        assertTrue(all.stream().allMatch(a -> a.codeLayout() == CodeLayout.DENSE));
        assertTrue(all.stream().allMatch(a -> a.inputScaling() == InputScaling.UNIT));
    }

    @Test
    void theRunIdOnlyChangesWhenAnOptionDiffersFromWhatRunsDidBefore() throws Exception {
        RunConfig mirrored = SpecLoader.load(MINIMAL + "architectures:\n  - name: deep\n    hidden: [50]\n",
                "spec.yaml", List.of()).expand().get(0);
        RunConfig explicitMirror = SpecLoader.load(MINIMAL + """
                architectures:
                  - name: deep
                    hidden: [50]
                    decoder: [50]
                    output_activation: sigmoid
                    input_scaling: unit
                """, "spec.yaml", List.of()).expand().get(0);
        RunConfig asymmetric = SpecLoader.load(MINIMAL + """
                architectures:
                  - name: deep
                    hidden: [50]
                    decoder: []
                """, "spec.yaml", List.of()).expand().get(0);
        assertEquals(mirrored.runId(), explicitMirror.runId());
        assertFalse(mirrored.canonicalForm().contains("decoder"));
        assertNotEquals(mirrored.runId(), asymmetric.runId());
        assertTrue(asymmetric.canonicalForm().endsWith(";decoder=[]"), asymmetric.canonicalForm());
    }

    @Test
    void bceNeedsASigmoidOutputAndUnitScaledInputs() {
        assertProblem(problems("architectures:\n  - name: shallow\n    output_activation: tanh\n    loss: bce\n"),
                "architectures[0]", "loss bce needs outputs and targets in [0, 1]");
        assertProblem(problems("architectures:\n  - name: shallow\n    input_scaling: symmetric\n"),
                "architectures[0]", "input_scaling unit (got output_activation sigmoid, input_scaling symmetric)");
    }

    @Test
    void anOutputThatCannotReachTheTargetsIsRefused() throws Exception {
        assertProblem(problems("""
                architectures:
                  - name: shallow
                    input_scaling: symmetric
                    output_activation: relu
                    loss: mse
                """), "architectures[0]", "output_activation relu cannot reach the targets of input_scaling symmetric");
        ArchitectureSpec tanh = only("""
                architectures:
                  - name: shallow
                    input_scaling: symmetric
                    output_activation: tanh
                    loss: mse
                """);
        assertEquals(InputScaling.SYMMETRIC, tanh.inputScaling());
        assertTrue(SpecLoader.load(MINIMAL + """
                architectures:
                  - name: shallow
                    input_scaling: symmetric
                    output_activation: tanh
                    loss: mse
                """, "spec.yaml", List.of()).expand().get(0).canonicalForm()
                .endsWith(";output_activation=tanh;input_scaling=symmetric"));
    }

    @Test
    void decodersAreRefusedWhereTheNetHasNoRoomForThem() {
        assertProblem(problems("architectures:\n  - name: shallow\n    decoder: [32]\n"),
                "architectures[0].decoder", "shallow decodes in one layer");
        assertProblem(problems("architectures:\n  - name: conv\n    decoder: [32]\n"),
                "architectures[0].decoder", "need code: map");
        assertProblem(problems("architectures:\n  - name: conv\n    code: map\n    hidden: [16, 32]\n    decoder: [8]\n"),
                "architectures[0].decoder", "give 2 filter counts");
        assertProblem(problems("architectures:\n  - name: lstm\n    decoder: []\n"),
                "architectures[0].decoder", "at least one recurrent decoder layer");
        assertProblem(problems("architectures:\n  - name: deep\n    decoder: [0]\n"),
                "architectures[0].decoder[0]", "must be > 0");
        assertProblem(problems("architectures:\n  - name: deep\n    code: map\n"),
                "architectures[0].code", "only conv nets");
        assertProblem(problems("architectures:\n  - name: deep\n    output_activation: softmax\n"),
                "architectures[0].output_activation", "allowed: sigmoid, relu, tanh, identity");
    }

    @Test
    void aMapCodeDefaultsToTheStudysConvolutionsAndMirroredDecoder() throws Exception {
        ArchitectureSpec conv = only("architectures:\n  - name: conv\n    code: map\n");
        assertEquals(CodeLayout.MAP, conv.codeLayout());
        assertEquals(List.of(16, 32), conv.hidden());
        assertEquals(List.of(32, 16), conv.decoder());
    }

    @Test
    void lstmTakesOneWidthPerRecurrentLayer() throws Exception {
        ArchitectureSpec lstm = only("architectures:\n  - name: lstm\n    hidden: [100, 60]\n");
        assertEquals(List.of(100, 60), lstm.hidden());
        assertEquals(List.of(60, 100), lstm.decoder());
    }
}
