package dev.podium.testsupport;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real SMTP and IMAP server (GreenMail) on free ports. Tests tell recipients apart by address. */
public final class MailTestServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>();

    MailTestServer() {
        this(ServerSetup.dynamicPort(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}));
    }

    private MailTestServer(ServerSetup[] setups) {
        greenMail = new GreenMail(setups);
        greenMail.start();
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler store = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> {
            for (DeliveryListener listener : listeners) {
                listener.delivering(recipient.getEmail(), message.getMessage());
            }
            return store.handle(message, recipient);
        });
    }

    /**
     * An SMTP server of a test's own on a fixed port (see {@link FreePort}), for tests that stop it
     * and start another in its place: a client configured with the port reaches whichever runs.
     */
    public static MailTestServer smtpOnly(int port) {
        return new MailTestServer(new ServerSetup[] {new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)});
    }

    /** Told of every message before the server stores it; see {@link #onDelivery}. */
    @FunctionalInterface
    public interface DeliveryListener {

        /**
         * Called once per recipient, on the SMTP connection's thread, before the message is stored and
         * before the client gets its "250 OK". Throwing refuses the message: nothing is stored and the
         * client is answered "451 Requested action aborted" (a transient failure).
         */
        void delivering(String recipient, MimeMessage message) throws MessagingException;
    }

    /**
     * Tells {@code listener} of every message this server accepts from now on, unlike
     * {@link #messagesTo} without reading the whole store. Closing the result removes it.
     */
    public AutoCloseable onDelivery(DeliveryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every message delivered to this address so far. */
    public List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> isAddressedTo(message, address))
                .toList();
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    private static boolean isAddressedTo(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(recipient -> recipient.toString().toLowerCase().contains(address.toLowerCase()));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
