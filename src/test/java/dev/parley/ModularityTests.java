package dev.parley;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries honest and writes the module diagrams to docs/modules. */
class ModularityTests {

    /** The training engine (engine/, on the class path as a library) is no application module (ADR 0033). */
    private final ApplicationModules modules = ApplicationModules.of(ParleyApplication.class,
            resideInAPackage("dev.parley.engine.."));

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
