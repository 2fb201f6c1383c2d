package ru.paragraf.sferum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
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
     * The synthetic city is the demo's alone. {@code verify()} holds every module that declares its dependencies to
     * them; this also holds a module that declares none.
     */
    @Test
    void letsOnlyTheDemoUseTheGenerator() {
        var generator = modules.getModuleByName("school")
                .flatMap(school -> school.getNamedInterfaces().getByName("generator"))
                .orElseThrow();

        var users = modules.stream()
                .filter(module -> module.getDirectDependencies(modules).stream()
                        .anyMatch(dependency -> generator.contains(dependency.getTargetType())))
                .map(ApplicationModule::getName)
                .toList();

        assertThat(users).containsExactly("demo");
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
