package dev.podium.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules catch what they are written for, on small fixtures (see {@code fixture/}). */
class ServiceArchitectureTest {

    private static final String FIXTURE = "dev.podium.testsupport.architecture.fixture";

    @Test
    void aPackageCycleFails() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".cyclic");

        assertThatThrownBy(() -> ServiceArchitecture.featurePackagesFreeOfCycles(FIXTURE + ".cyclic").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: feature 'a' -> ")
                .hasMessageContaining("Dependencies of feature 'b'")
                .hasMessageContaining("cyclic.b.Seats.free(dev.podium.testsupport.architecture.fixture.cyclic.a.Reservation)");
    }

    @Test
    void aControllerUsingSqlFails() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".thick");

        assertThatThrownBy(() -> ServiceArchitecture.controllersGoThroughServices(FIXTURE + ".thick").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ThickController")
                .hasMessageContaining("fixture.thick.store.Sql");
        ServiceArchitecture.featurePackagesFreeOfCycles(FIXTURE + ".thick").check(classes);
    }

    @Test
    void aClassOtherThanAControllerUsingTheAuthenticationFails() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".caller");

        assertThatThrownBy(() -> ServiceArchitecture.onlyControllersSeeTheAuthentication(FIXTURE + ".caller").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyAccess.admits(io.micronaut.security.authentication.Authentication)")
                .hasMessageNotContaining("SignedInController")
                .hasMessageNotContaining("Refused");
    }

    @Test
    void otherServicesAreEveryServiceButOneself() {
        assertThat(ServiceArchitecture.noOtherServiceCode("dev.podium.events").getDescription())
                .contains("'dev.podium.talks..'", "'dev.podium.notifications..'")
                .doesNotContain("'dev.podium.events..']");
    }
}
