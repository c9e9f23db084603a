package org.opencps;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ArchitectureTest {

    /** Where the module diagrams go: the build folder, or docs/architecture when the script asks. */
    private static final String OUTPUT = System.getProperty("opencps.architecture-docs", "target/spring-modulith-docs");

    private final ApplicationModules modules = ApplicationModules.of(OpenCpsApplication.class);

    @Test
    void modulesHaveNoCyclesAndOnlyUseEachOthersPublicFace() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagramsAndCanvases() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
