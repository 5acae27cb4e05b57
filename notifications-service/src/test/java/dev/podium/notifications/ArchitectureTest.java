package dev.podium.notifications;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.podium.testsupport.architecture.ServiceArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * notifications-service keeps the dependency rules of every Podium service ({@link ServiceArchitecture}),
 * checked on its compiled main classes, without a server or a database:
 * <ul>
 *   <li>its feature packages ({@code audience}, {@code notification}, {@code delivery}, {@code trigger},
 *       {@code schedule}, …) form no cycle: {@code trigger} records into {@code notification}, never the
 *       other way round;</li>
 *   <li>its controllers reach no repository and no {@code Sql}: they go through the features' services;</li>
 *   <li>it uses no code of events-service or talks-service, only the messages of {@code contracts};</li>
 *   <li>only its controllers see Micronaut's {@code Authentication}: the services take the {@code Caller}.</li>
 * </ul>
 * ArchUnit reads bytecode, so a dependency that is only a compile-time constant (a {@code static final
 * String} such as a consumer name) is invisible to it: javac copies the value into the user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private static final String ROOT = "dev.podium.notifications";

    private JavaClasses classes;

    @BeforeAll
    void importMainClasses() {
        classes = ServiceArchitecture.mainClasses(ROOT);
    }

    @Test
    void featurePackagesFormNoCycle() {
        ServiceArchitecture.featurePackagesFreeOfCycles(ROOT).check(classes);
    }

    @Test
    void controllersGoThroughServices() {
        ServiceArchitecture.controllersGoThroughServices(ROOT).check(classes);
    }

    @Test
    void noOtherServiceCode() {
        ServiceArchitecture.noOtherServiceCode(ROOT).check(classes);
    }

    @Test
    void onlyControllersSeeTheAuthentication() {
        ServiceArchitecture.onlyControllersSeeTheAuthentication(ROOT).check(classes);
    }
}
