package dev.podium.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/** The three load shapes: a burst of concurrent clients, a steady open-loop rate, a closed loop of N clients. */
final class Load {

    /** What a run measured: elapsed time, answers by HTTP status, and each request's latency. */
    record Run(Duration elapsed, Map<Integer, Integer> statuses, Latencies latencies, int failures) {
        int total() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum() + failures;
        }

        double perSecond() {
            return total() / (elapsed.toNanos() / 1e9);
        }

        int withStatus(int status) {
            return statuses.getOrDefault(status, 0);
        }

        /** Fails unless every request was answered {@code status}. */
        Run expectAll(int status, String what) {
            if (withStatus(status) != total()) {
                throw new IllegalStateException(what + ": expected " + total() + " × " + status + ", got " + statuses
                        + " and " + failures + " failed connections");
            }
            return this;
        }
    }

    /** Observes each answer (request number, response, the wall-clock millis when it completed). */
    interface Listener {
        void answered(int request, HttpResponse<String> response, long completedAtMillis);
    }

    private Load() {
    }

    /** {@code clients} requests sent at once, each on its own connection; returns once all have answered. */
    static Run burst(int clients, IntFunction<CompletableFuture<HttpResponse<String>>> request) {
        Recorder recorder = new Recorder(null);
        long started = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[clients];
        for (int i = 0; i < clients; i++) {
            all[i] = recorder.track(i, started, request.apply(i));
        }
        CompletableFuture.allOf(all).join();
        return recorder.run(System.nanoTime() - started);
    }

    /**
     * Requests started at a fixed rate whatever the answers' speed (an open loop); each latency counts
     * from when its request was due, so a stall is not hidden by requests that were not sent.
     */
    static Run steady(int perSecond, Duration duration, IntFunction<CompletableFuture<HttpResponse<String>>> request,
                      Listener listener) {
        Recorder recorder = new Recorder(listener);
        int requests = (int) (perSecond * duration.toMillis() / 1000);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long started = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[requests];
        for (int i = 0; i < requests; i++) {
            long due = started + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            all[i] = recorder.track(i, due, request.apply(i));
        }
        CompletableFuture.allOf(all).join();
        return recorder.run(System.nanoTime() - started);
    }

    /** {@code clients} clients, each sending its next request when the previous one answered, for {@code duration}. */
    static Run closed(int clients, Duration duration, IntFunction<CompletableFuture<HttpResponse<String>>> request) {
        Recorder recorder = new Recorder(null);
        AtomicInteger sequence = new AtomicInteger();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        CompletableFuture<?>[] loops = new CompletableFuture<?>[clients];
        for (int c = 0; c < clients; c++) {
            loops[c] = loop(recorder, sequence, end, request);
        }
        CompletableFuture.allOf(loops).join();
        return recorder.run(System.nanoTime() - started);
    }

    private static CompletableFuture<Void> loop(Recorder recorder, AtomicInteger sequence, long end,
                                                IntFunction<CompletableFuture<HttpResponse<String>>> request) {
        if (System.nanoTime() >= end) {
            return CompletableFuture.completedFuture(null);
        }
        int number = sequence.getAndIncrement();
        return recorder.track(number, System.nanoTime(), request.apply(number))
                .thenCompose(ignored -> loop(recorder, sequence, end, request));
    }

    private static final class Recorder {
        private final Listener listener;
        private final Latencies latencies = new Latencies();
        private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        private final AtomicInteger failures = new AtomicInteger();

        Recorder(Listener listener) {
            this.listener = listener;
        }

        CompletableFuture<Void> track(int number, long startedNanos, CompletableFuture<HttpResponse<String>> answer) {
            return answer.handle((response, failure) -> {
                long now = System.nanoTime();
                if (failure != null) {
                    failures.incrementAndGet();
                    Progress.answered();
                    return null;
                }
                latencies.add(now - startedNanos);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                Progress.answered();
                if (listener != null) {
                    listener.answered(number, response, System.currentTimeMillis());
                }
                return null;
            });
        }

        Run run(long elapsedNanos) {
            return new Run(Duration.ofNanos(elapsedNanos), Map.copyOf(statuses), latencies, failures.get());
        }
    }
}
