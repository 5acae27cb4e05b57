package dev.podium.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The senders' SENT writes, grouped: each is written exactly once, before its sender goes on. */
class SentRecorderTest {

    private static final int SENDERS = 8;
    private static final int SENDS_EACH = 200;

    @Test
    void everySentIsWrittenOnceAndBeforeItsSenderGoesOn() throws Exception {
        Set<Long> written = ConcurrentHashMap.newKeySet();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        List<Long> writtenTwice = new CopyOnWriteArrayList<>();
        SentRecorder recorder = new SentRecorder(batch -> {
            batchSizes.add(batch.size());
            batch.forEach(delivery -> {
                if (!written.add(delivery.id())) {
                    writtenTwice.add(delivery.id());
                }
            });
        });
        List<Long> notYetWrittenOnReturn = new CopyOnWriteArrayList<>();

        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> done = new ArrayList<>();
        for (int sender = 0; sender < SENDERS; sender++) {
            long first = sender * 1_000L;
            done.add(senders.submit(() -> {
                for (long id = first; id < first + SENDS_EACH; id++) {
                    recorder.record(delivery(id));
                    if (!written.contains(id)) {
                        notYetWrittenOnReturn.add(id);
                    }
                }
                return null;
            }));
        }
        for (Future<?> sender : done) {
            sender.get();
        }
        senders.shutdown();

        assertThat(written).hasSize(SENDERS * SENDS_EACH);
        assertThat(writtenTwice).isEmpty();
        assertThat(notYetWrittenOnReturn).isEmpty();
        assertThat(batchSizes).allMatch(size -> size >= 1 && size <= SENDERS);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(SENDERS * SENDS_EACH);
    }

    @Test
    void aFailedWriteIsThrownToTheSenderWhoseSentItHeld() {
        SentRecorder recorder = new SentRecorder(batch -> {
            throw new IllegalStateException("deadlock victim");
        });

        assertThatThrownBy(() -> recorder.record(delivery(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("deadlock victim");
    }

    private static ClaimedDelivery delivery(long id) {
        return new ClaimedDelivery(id, "notification", "member" + id + "@example.org", null, null, null, null, 1);
    }
}
