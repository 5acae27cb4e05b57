package dev.podium.notifications.delivery.email;

import dev.podium.notifications.delivery.DeliveryFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What an SMTP failure means for a delivery: a 5xx reply is permanent (the address will not work
 * later either), a 4xx reply or a connection problem is transient and worth retrying; a connection
 * problem also means the server is away, so the channel pauses.
 */
record SmtpFailure(boolean permanent, boolean connection, String reply) {

    static SmtpFailure of(MessagingException failure) {
        for (Exception current = failure; current != null; current = next(current)) {
            Integer code = replyCode(current);
            if (code != null && code < 0) {
                // -1: the connection ended before the server replied.
                return new SmtpFailure(false, true, describe(current));
            }
            if (code != null) {
                return new SmtpFailure(code >= 500, false, code + " " + describe(current));
            }
        }
        return new SmtpFailure(false, causedByIo(failure), describe(failure));
    }

    DeliveryFailure toDeliveryFailure() {
        if (permanent) {
            return DeliveryFailure.permanent(reply);
        }
        return connection ? DeliveryFailure.channelUnreachable(reply) : DeliveryFailure.retryLater(reply);
    }

    private static Integer replyCode(Exception failure) {
        if (failure instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (failure instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        if (failure instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        return null;
    }

    private static Exception next(Exception current) {
        if (current instanceof SendFailedException send && send.getNextException() != null) {
            return send.getNextException();
        }
        if (current instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return current.getCause() instanceof Exception cause && cause != current ? cause : null;
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof IOException) {
                return true;
            }
            if (current.getCause() == current) {
                return false;
            }
        }
        return failure.getMessage() != null && failure.getMessage().contains("connect");
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message.strip();
    }
}
