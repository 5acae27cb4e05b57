package dev.podium.testsupport.fuzz;

/**
 * One generated request. {@code token} names which caller sends it (see {@link Fuzzer}); the
 * {@link #toString()} is what a failure report prints, enough to replay the request by hand.
 */
public record FuzzRequest(int number, String operation, String method, String uri, String contentType, String body,
                          Caller caller) {

    /** Who sends a request: nobody, or the privileged caller that reaches every handler. */
    public enum Caller { ANONYMOUS, PRIVILEGED }

    @Override
    public String toString() {
        String shownBody = body == null ? "" : " body(" + body.length() + " chars): "
                + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        return "#" + number + " [" + operation + "] " + method + " " + uri + " as " + caller
                + (contentType == null ? "" : " (" + contentType + ")") + shownBody;
    }
}
