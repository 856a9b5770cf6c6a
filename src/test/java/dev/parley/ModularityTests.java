package dev.parley;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries honest and writes the module diagrams to docs/modules. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(ParleyApplication.class);

    @Test
    void modulesHaveNoCyclesAndNoReachesIntoInternals() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
