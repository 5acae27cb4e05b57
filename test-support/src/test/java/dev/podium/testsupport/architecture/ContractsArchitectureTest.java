package dev.podium.testsupport.architecture;

import org.junit.jupiter.api.Test;

/**
 * {@code contracts} cannot run this itself (test-support depends on it, and Maven allows no cycle
 * between modules, whatever the scope): test-support checks it, from the contracts jar it builds with.
 */
class ContractsArchitectureTest {

    @Test
    void contractsUseNothingElseOfPodium() {
        ServiceArchitecture.CONTRACTS_STAND_ALONE.check(ServiceArchitecture.contractsClasses());
    }
}
