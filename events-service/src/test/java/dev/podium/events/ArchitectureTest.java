package dev.podium.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.podium.testsupport.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * events-service's dependency rules (see {@link ServiceArchitecture}): its feature packages form no
 * cycle, controllers reach no repository or {@code Sql}, it uses no other service's code, and only its
 * controllers see Micronaut's {@code Authentication}.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.podium.events";
    private static final JavaClasses CLASSES = ServiceArchitecture.mainClasses(ROOT);

    @Test
    void featurePackagesFormNoCycle() {
        ServiceArchitecture.featurePackagesFreeOfCycles(ROOT).check(CLASSES);
    }

    @Test
    void controllersGoThroughServices() {
        ServiceArchitecture.controllersGoThroughServices(ROOT).check(CLASSES);
    }

    @Test
    void usesNoOtherServiceCode() {
        ServiceArchitecture.noOtherServiceCode(ROOT).check(CLASSES);
    }

    @Test
    void onlyControllersSeeTheAuthentication() {
        ServiceArchitecture.onlyControllersSeeTheAuthentication(ROOT).check(CLASSES);
    }
}
