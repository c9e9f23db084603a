package org.opencps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
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
    void writesTheModuleDiagramsAndCanvases() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
