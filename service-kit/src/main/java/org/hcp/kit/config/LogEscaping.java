package org.hcp.kit.config;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.hcp.kit.text.LogText;

/**
 * Every log line of every service stays one line of text (docs/security.md, "Logs"): control characters in the
 * parameters of any record, and in the messages of HCP's own loggers, are escaped, so that a CR/LF in something a
 * request carried cannot forge a line and a NUL cannot make the file binary; a parameter is cut at {@link LogText#MAX}
 * characters. Framework messages keep their own lines (Quarkus' banner is several). It rewrites, it never drops.
 */
@LoggingFilter(name = "hcp-one-line")
public final class LogEscaping implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        boolean ours = record.getLoggerName() != null && record.getLoggerName().startsWith("org.hcp.");
        if (ours && message != null && hasControl(message)) {
            record.setMessage(escapeControls(message));
        }
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof CharSequence text && (text.length() > LogText.MAX || hasControl(text))) {
                    parameters[i] = LogText.safe(text);
                }
            }
        }
        return true;
    }

    private static boolean hasControl(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** As LogText.safe, without the cut: a message is ours, only what it quotes is the request's. */
    private static String escapeControls(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
