package dev.podium.notifications.delivery.email;

import dev.podium.notifications.delivery.DeliverySettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * How email goes out ({@code podium.mail.*}, see application.yml for the environment variables):
 * the sender, the SMTP server, and the delivery loop's parallelism, rate and retries for email.
 */
@ConfigurationProperties("podium.mail")
public class MailSettings implements DeliverySettings {

    @NotBlank
    private String fromAddress = "notifications@podium.localhost";
    @NotBlank
    private String fromName = "Podium";
    /** The domain of Message-IDs (and of List-Id): the sending domain. */
    @NotBlank
    private String domain = "podium.localhost";
    @NotBlank
    private String smtpHost = "localhost";
    @Min(1)
    private int smtpPort = 25;
    @Nullable
    private String smtpUsername;
    @Nullable
    private String smtpPassword;
    private boolean smtpStarttls;
    /** Sends in flight at once, each on its own SMTP connection kept open between sends. */
    @Min(1)
    private int parallelism = 8;
    /** Messages per second across this replica's senders; 0 sends as fast as the server accepts. */
    @Min(0)
    private int ratePerSecond;
    /** Attempts before a delivery that keeps failing transiently is declared dead. */
    @Min(1)
    private int maxAttempts = 10;
    private Duration retryDelay = Duration.ofSeconds(2);
    private Duration maxRetryDelay = Duration.ofMinutes(10);
    /** How long a claimed delivery stays with its sender; a crashed sender's claims are retaken after it. */
    private Duration lease = Duration.ofSeconds(60);
    /** How often senders look for due deliveries when there were none. */
    private Duration pollInterval = Duration.ofMillis(200);
    /** False stops this replica from sending (it still records notifications). */
    private boolean sending = true;

    public String getFromAddress() { return fromAddress; }
    public void setFromAddress(String fromAddress) { this.fromAddress = fromAddress; }
    public String getFromName() { return fromName; }
    public void setFromName(String fromName) { this.fromName = fromName; }
    public String getDomain() { return domain; }
    public void setDomain(String domain) { this.domain = domain; }
    public String getSmtpHost() { return smtpHost; }
    public void setSmtpHost(String smtpHost) { this.smtpHost = smtpHost; }
    public int getSmtpPort() { return smtpPort; }
    public void setSmtpPort(int smtpPort) { this.smtpPort = smtpPort; }
    /** Null when unset or blank (an empty environment variable means "no authentication"). */
    @Nullable public String getSmtpUsername() { return smtpUsername == null || smtpUsername.isBlank() ? null : smtpUsername; }
    public void setSmtpUsername(@Nullable String smtpUsername) { this.smtpUsername = smtpUsername; }
    @Nullable public String getSmtpPassword() { return smtpPassword == null || smtpPassword.isEmpty() ? null : smtpPassword; }
    public void setSmtpPassword(@Nullable String smtpPassword) { this.smtpPassword = smtpPassword; }
    public boolean isSmtpStarttls() { return smtpStarttls; }
    public void setSmtpStarttls(boolean smtpStarttls) { this.smtpStarttls = smtpStarttls; }
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
}
