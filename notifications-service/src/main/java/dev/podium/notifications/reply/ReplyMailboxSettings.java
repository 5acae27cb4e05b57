package dev.podium.notifications.reply;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * The IMAP mailbox of the invitations' ORGANIZER address ({@code podium.notifications.replies}, env
 * {@code INVITATIONS_REPLY_IMAP_*}), where attendees' calendars send their answers. Without a host,
 * replies are not read.
 */
@ConfigurationProperties("podium.notifications.replies")
public class ReplyMailboxSettings {

    private String imapHost = "";
    private int imapPort = 993;
    private boolean imapSsl = true;
    private String username = "";
    private String password = "";
    private String folder = "INBOX";
    /** At most this many emails per poll, so one poll's transactions stay short. */
    private int batchSize = 50;
    private Duration timeout = Duration.ofSeconds(20);

    public String getImapHost() { return imapHost; }
    public void setImapHost(String imapHost) { this.imapHost = imapHost; }
    public int getImapPort() { return imapPort; }
    public void setImapPort(int imapPort) { this.imapPort = imapPort; }
    public boolean isImapSsl() { return imapSsl; }
    public void setImapSsl(boolean imapSsl) { this.imapSsl = imapSsl; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getFolder() { return folder; }
    public void setFolder(String folder) { this.folder = folder; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
}
