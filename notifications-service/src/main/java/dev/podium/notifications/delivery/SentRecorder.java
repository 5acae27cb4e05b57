package dev.podium.notifications.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the SENT of the senders' deliveries together (group commit): a sender whose message the
 * channel accepted joins the open batch and waits; whichever waiting sender finds no write under way
 * writes the whole batch in one statement while the next batch gathers. A sender sends nothing more
 * until its SENT is written, so a crash still repeats at most one send per sender, and the database
 * sees one statement per batch instead of one per message.
 */
final class SentRecorder {

    private final Consumer<List<ClaimedDelivery>> write;
    private Batch open = new Batch();
    private boolean writing;

    SentRecorder(Consumer<List<ClaimedDelivery>> write) {
        this.write = write;
    }

    /**
     * Returns once the delivery's SENT is written, with other senders' or alone.
     *
     * @throws RuntimeException what the write of its batch threw: that batch's SENT may not be written
     */
    void record(ClaimedDelivery delivery) throws InterruptedException {
        Batch batch;
        synchronized (this) {
            batch = open;
            batch.deliveries.add(delivery);
            while (writing && !batch.written) {
                wait();
            }
            if (batch.written) {
                batch.throwFailure();
                return;
            }
            writing = true;
            open = new Batch();
        }
        RuntimeException failure = null;
        try {
            write.accept(batch.deliveries);
        } catch (RuntimeException e) {
            failure = e;
        }
        synchronized (this) {
            batch.failure = failure;
            batch.written = true;
            writing = false;
            notifyAll();
        }
        batch.throwFailure();
    }

    private static final class Batch {

        private final List<ClaimedDelivery> deliveries = new ArrayList<>();
        private boolean written;
        private RuntimeException failure;

        private void throwFailure() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
