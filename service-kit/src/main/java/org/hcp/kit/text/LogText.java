package org.hcp.kit.text;

/**
 * What may go into a log line from a request: control characters escaped (a CR/LF could forge a line, a NUL makes
 * the file binary), and at most {@link #MAX} characters. Personal data and credentials must not be passed at all
 * (docs/security.md, "Logs").
 */
public final class LogText {

    public static final int MAX = 200;

    private LogText() {
    }

    public static String safe(Object value) {
        return value == null ? "null" : escape(value.toString(), MAX);
    }

    /** Control characters escaped, nothing cut: for a message that is ours but may quote a request. */
    public static String escape(CharSequence text) {
        return escape(text, Integer.MAX_VALUE);
    }

    /** Whether {@code text} holds a character that would break or corrupt a log line. */
    public static boolean hasControl(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (breaksLine(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean breaksLine(char c) {
        return c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029';
    }

    private static String escape(CharSequence text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (breaksLine(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= max && text.length() > max) {
            out.append('…');
        }
        return out.toString();
    }
}
