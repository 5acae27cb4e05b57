package dev.podium.notifications.delivery.email;

/**
 * Jakarta Mail 2.1 finds its {@code StreamProvider} through {@code ServiceLoader} each time a MIME
 * part is created or written: a scan of the class path's service files per part, measured at two
 * thirds of the CPU of composing and writing an announcement. Naming Angus Mail's provider in the
 * API's system property turns each look-up into a class look-up.
 */
final class MailStreamProvider {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreamProvider() {
    }

    /** Leaves a provider named by the operator (-D) alone, and the API's own search if Angus is absent. */
    static void nameAngusUnlessSet() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS, false, MailStreamProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return;
        }
        System.setProperty(PROPERTY, ANGUS);
    }
}
