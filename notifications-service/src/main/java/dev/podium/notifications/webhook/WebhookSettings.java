package dev.podium.notifications.webhook;

import dev.podium.notifications.delivery.DeliverySettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How webhooks go out ({@code podium.webhooks.*}, see application.yml for the environment variables):
 * the delivery loop's parallelism and retries for the webhook channel, the receivers' timeouts, the
 * secrets' grace period after a rotation, when a failing endpoint is disabled, and which private
 * networks receivers may be on (none in production).
 */
@ConfigurationProperties("podium.webhooks")
public class WebhookSettings implements DeliverySettings {

    @Min(1)
    private int parallelism = 8;
    @Min(0)
    private int ratePerSecond;
    /** Spread by the backoff (5 s doubling to 1 h) over about a day before a delivery is dead. */
    @Min(1)
    private int maxAttempts = 12;
    private Duration retryDelay = Duration.ofSeconds(5);
    private Duration maxRetryDelay = Duration.ofHours(1);
    /** Longer than a send can take (connect + total timeout). */
    private Duration lease = Duration.ofSeconds(60);
    private Duration pollInterval = Duration.ofMillis(200);
    private boolean sending = true;
    private Duration connectTimeout = Duration.ofSeconds(5);
    /** The whole exchange with a receiver, from connecting to the last byte read. */
    private Duration timeout = Duration.ofSeconds(15);
    @Min(0)
    private int maxResponseBytes = 64 * 1024;
    /** After a rotation, the previous secret signs too for this long. */
    private Duration secretGrace = Duration.ofHours(24);
    /** An endpoint whose every attempt has failed for this long is disabled, and its organisers emailed. */
    private Duration disableAfter = Duration.ofDays(5);
    /**
     * Networks (CIDR, e.g. {@code 127.0.0.0/8}) receivers may be on although they are loopback, private,
     * link-local or unique-local: for the local stack and tests only.
     */
    private List<String> allowedNetworks = new ArrayList<>();

    @Override public int getParallelism() { return parallelism; }
    public void setParallelism(int parallelism) { this.parallelism = parallelism; }
    @Override public int getRatePerSecond() { return ratePerSecond; }
    public void setRatePerSecond(int ratePerSecond) { this.ratePerSecond = ratePerSecond; }
    @Override public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    @Override public Duration getRetryDelay() { return retryDelay; }
    public void setRetryDelay(Duration retryDelay) { this.retryDelay = retryDelay; }
    @Override public Duration getMaxRetryDelay() { return maxRetryDelay; }
    public void setMaxRetryDelay(Duration maxRetryDelay) { this.maxRetryDelay = maxRetryDelay; }
    @Override public Duration getLease() { return lease; }
    public void setLease(Duration lease) { this.lease = lease; }
    @Override public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    @Override public boolean isSending() { return sending; }
    public void setSending(boolean sending) { this.sending = sending; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public int getMaxResponseBytes() { return maxResponseBytes; }
    public void setMaxResponseBytes(int maxResponseBytes) { this.maxResponseBytes = maxResponseBytes; }
    public Duration getSecretGrace() { return secretGrace; }
    public void setSecretGrace(Duration secretGrace) { this.secretGrace = secretGrace; }
    public Duration getDisableAfter() { return disableAfter; }
    public void setDisableAfter(Duration disableAfter) { this.disableAfter = disableAfter; }
    public List<String> getAllowedNetworks() { return allowedNetworks; }
    public void setAllowedNetworks(List<String> allowedNetworks) {
        this.allowedNetworks = allowedNetworks == null ? new ArrayList<>()
                : allowedNetworks.stream().map(String::trim).filter(network -> !network.isEmpty()).toList();
    }
}
