package org.opencps;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ArchitectureTest {

    private final ApplicationModules modules = ApplicationModules.of(OpenCpsApplication.class);

    @Test
    void modulesHaveNoCyclesAndOnlyUseEachOthersPublicFace() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagramToTheBuildFolder() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
