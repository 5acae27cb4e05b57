package dev.podium.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void outputGoesToTheLogFileAndPrefixedToTheConsole() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path log = dir.resolve("logs").resolve("echo.log");
        ChildProcess child = ChildProcess.builder("echo", sh("echo one; echo two >&2; echo \"$GREETING\""))
                .environment(java.util.Map.of("GREETING", "three"))
                .logFile(log)
                .console(new PrintStream(console, true, StandardCharsets.UTF_8))
                .start();

        assertThat(child.awaitExit(Duration.ofSeconds(10))).isZero();
        assertThat(child.tail(2)).containsExactly("two", "three");
        assertThat(Files.readAllLines(log)).hasSize(4).endsWith("one", "two", "three");
        assertThat(Files.readAllLines(log).get(0)).startsWith("----- ").endsWith(" echo starting -----");
        assertThat(console.toString(StandardCharsets.UTF_8).lines()).containsExactly("[echo] one", "[echo] two", "[echo] three");

        ChildProcess.builder("echo", sh("echo four")).logFile(log).start().awaitExit(Duration.ofSeconds(10));
        assertThat(Files.readAllLines(log)).as("appended across starts").hasSize(6).endsWith("four");
    }

    @Test
    void stopSendsSigtermThenSigkillAfterTheGracePeriod() throws Exception {
        ChildProcess polite = ChildProcess.builder("polite", sh("trap 'echo bye; exit 0' TERM; echo ready; while true; do sleep 0.1; done"))
                .logFile(dir.resolve("polite.log")).start();
        awaitLine(polite, "ready");
        assertThat(polite.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(polite.tail(1)).containsExactly("bye");

        ChildProcess stubborn = ChildProcess.builder("stubborn", sh("trap '' TERM; echo ready; while true; do sleep 0.1; done"))
                .logFile(dir.resolve("stubborn.log")).start();
        awaitLine(stubborn, "ready");
        assertThat(stubborn.stop(Duration.ofMillis(500))).isFalse();
        assertThat(stubborn.isAlive()).isFalse();
    }

    @Test
    void anUnexpectedDeathIsReportedAndAStopIsNot() throws Exception {
        CompletableFuture<Integer> died = new CompletableFuture<>();
        ChildProcess dying = ChildProcess.builder("dying", sh("sleep 0.3; exit 3")).logFile(dir.resolve("dying.log")).start();
        dying.whenDiesUnexpectedly(died::complete);
        assertThat(died.get(10, TimeUnit.SECONDS)).isEqualTo(3);

        CompletableFuture<Integer> stopped = new CompletableFuture<>();
        ChildProcess sleeping = ChildProcess.builder("sleeping", sh("exec sleep 30")).logFile(dir.resolve("sleeping.log")).start();
        sleeping.whenDiesUnexpectedly(stopped::complete);
        sleeping.kill();
        Thread.sleep(300);
        assertThat(stopped).isNotDone();
    }

    @Test
    void awaitExitFailsWhileItStillRuns() throws Exception {
        ChildProcess sleeping = ChildProcess.builder("sleeping", sh("exec sleep 30")).logFile(dir.resolve("sleeping.log")).start();
        try {
            assertThatThrownBy(() -> sleeping.awaitExit(Duration.ofMillis(200)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("sleeping still runs");
            assertThat(sleeping.isAlive()).isTrue();
        } finally {
            sleeping.kill();
        }
    }

    private static List<String> sh(String script) {
        return List.of("/bin/sh", "-c", script);
    }

    private static void awaitLine(ChildProcess child, String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!child.tail(1).contains(line)) {
            assertThat(System.nanoTime() - deadline).as("%s wrote %s", child.name(), line).isNegative();
            Thread.sleep(20);
        }
    }
}
