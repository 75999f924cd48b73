package org.aesweep;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's packages in the order of docs/architecture.md: a package may use only the packages
 * before it. The order is the data's path (spec, plan, Spark, training, a run's outputs, analysis,
 * report) on top of the numerical engine, which knows nothing of the study.
 */
class PackageDependencyTest {
    /** Layer name and the packages it holds, from the bottom up. */
    static final List<String[]> LAYERS = List.of(
            new String[] {"kernels", "org.aesweep.engine.kernels.."},
            new String[] {"engine", "org.aesweep.engine"},
            new String[] {"root", "org.aesweep"},
            new String[] {"spec", "org.aesweep.spec.."},
            new String[] {"data", "org.aesweep.data.."},
            new String[] {"tables", "org.aesweep.tables.."},
            new String[] {"model", "org.aesweep.model.."},
            new String[] {"plan", "org.aesweep.plan.."},
            new String[] {"spark", "org.aesweep.spark.."},
            new String[] {"train", "org.aesweep.train.."},
            new String[] {"probes", "org.aesweep.probes.."},
            new String[] {"outputs", "org.aesweep.outputs.."},
            new String[] {"sweep", "org.aesweep.sweep.."},
            new String[] {"analysis", "org.aesweep.analysis.."},
            new String[] {"report", "org.aesweep.report.."});

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.aesweep");
    }

    @Test
    void everyLibraryClassIsInALayer() {
        layers().ensureAllClassesAreContainedInArchitecture().check(library);
    }

    @Test
    void aPackageUsesOnlyThePackagesBeforeIt() {
        layers().check(library);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.aesweep.(**)").should().beFreeOfCycles().check(library);
    }

    static LayeredArchitecture layers() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            architecture = architecture.layer(layer[0]).definedBy(layer[1]);
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String name = LAYERS.get(i)[0];
            if (i == 0) {
                architecture = architecture.whereLayer(name).mayNotAccessAnyLayer();
            } else {
                String[] before = LAYERS.subList(0, i).stream().map(layer -> layer[0]).toArray(String[]::new);
                architecture = architecture.whereLayer(name).mayOnlyAccessLayers(before);
            }
        }
        return architecture;
    }
}
