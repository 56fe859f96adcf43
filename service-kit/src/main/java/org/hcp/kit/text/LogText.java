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
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX && text.length() > MAX) {
            out.append('…');
        }
        return out.toString();
    }
}
