package org.opencps;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * Audit and reporting only listen and answer queries, IPP and the portal only serve requests:
     * no domain module calls any of them. The portal, an entry point itself, may show what the
     * others answer (usage, a person's print queue); nothing calls the portal.
     */
    @Test
    void noDomainModuleDependsOnTheListenersOrTheEntryPoints() {
        for (String module : new String[] {"reporting", "audit", "ipp", "portal"}) {
            ApplicationModule target = modules.getModuleByName(module).orElseThrow();
            assertThat(modules.stream()
                    .filter(other -> !other.equals(target) && !(other.getName().equals("portal") && !module.equals("portal")))
                    .filter(other -> other.getDirectDependencies(modules).contains(target))
                    .map(ApplicationModule::getName))
                    .as("modules that depend on " + module).isEmpty();
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
