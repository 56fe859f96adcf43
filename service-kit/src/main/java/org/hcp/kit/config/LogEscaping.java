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
        if (ours && message != null && LogText.hasControl(message)) {
            record.setMessage(LogText.escape(message));
        }
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof CharSequence text
                        && (text.length() > LogText.MAX || LogText.hasControl(text))) {
                    parameters[i] = LogText.safe(text);
                }
            }
        }
        return true;
    }
}
