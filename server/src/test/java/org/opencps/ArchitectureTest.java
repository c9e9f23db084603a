package org.opencps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ArchitectureTest {

    private final ApplicationModules modules = ApplicationModules.of(OpenCpsApplication.class);

    @Test
    void modulesHaveNoCyclesAndOnlyUseEachOthersPublicFace() {
        modules.verify();
    }

    /** Reporting and audit only listen and answer; only the entry points call them. */
    @Test
    void nothingButTheEntryPointsDependsOnReportingOrAudit() {
        Set<String> entryPoints = Set.of("portal");
        for (String listenerOnly : new String[] {"reporting", "audit"}) {
            ApplicationModule module = modules.getModuleByName(listenerOnly).orElseThrow();
            assertThat(modules.stream()
                    .filter(other -> !other.equals(module) && !entryPoints.contains(other.getName()))
                    .filter(other -> other.getDirectDependencies(modules).contains(module))
                    .map(ApplicationModule::getName))
                    .as("modules that depend on " + listenerOnly).isEmpty();
        }
    }

    @Test
    void writesTheModuleDiagramToTheBuildFolder() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
