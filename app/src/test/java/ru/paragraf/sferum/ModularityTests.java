package ru.paragraf.sferum;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries hold (no cycles, no access to internals) and the module documentation is current. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(SferumApplication.class);

    @Test
    void verifiesModuleBoundaries() {
        modules.verify();
    }

    /**
     * Writes diagrams and canvases to target/spring-modulith-docs. Not {@code writeDocumentation()}: that also
     * writes module metadata into target/classes, which later runs would read as truth even when stale.
     */
    @Test
    void writesModuleDocumentation() {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }
}
