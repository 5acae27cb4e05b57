package dev.podium.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void takesPlacesUpToItsLimitAndAgainOnceOneIsGivenBack() {
        InFlightLimit limit = new InFlightLimit(2);

        assertThat(limit.tryEnter()).isTrue();
        assertThat(limit.tryEnter()).isTrue();
        assertThat(limit.tryEnter()).as("a third while two are held").isFalse();
        assertThat(limit.inFlight()).as("a refusal takes no place").isEqualTo(2);
        limit.leave();
        assertThat(limit.tryEnter()).isTrue();
    }

    @Test
    void neverHoldsMoreThanItsLimitUnderContention() throws Exception {
        InFlightLimit limit = new InFlightLimit(5);
        AtomicInteger most = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        if (limit.tryEnter()) {
                            most.accumulateAndGet(limit.inFlight(), Math::max);
                            limit.leave();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(most.get()).isBetween(1, 5);
        assertThat(limit.inFlight()).as("every place given back").isZero();
    }
}
