package dev.podium.talks;

import dev.podium.testsupport.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * talks-service keeps the rules every Podium service keeps ({@link ServiceArchitecture}): its feature
 * packages form no cycle, its controllers reach no repository and no {@code Sql}, and it uses no
 * other service's code.
 */
class ArchitectureTest {

    @Test
    void followsTheServiceRules() {
        ServiceArchitecture.check("dev.podium.talks");
    }
}
