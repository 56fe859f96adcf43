package org.hcp.kit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Issue 25, 6: a CR/LF or NUL that a request carried never starts a forged line in the log. */
class LogEscapingTest {

    @Test
    void parametersWithLineBreaksAndNulAreEscapedAndLongOnesCut() {
        LogRecord record = new LogRecord(Level.INFO, "case %s read by %s");
        record.setLoggerName("org.hcp.intake.service.CaseService");
        record.setParameters(new Object[] {"A1\r\n2026-12-04 INFO forged line", "x\u0000y", "z".repeat(5_000)});
        assertTrue(new LogEscaping().isLoggable(record));
        assertEquals("A1\\u000d\\u000a2026-12-04 INFO forged line", record.getParameters()[0]);
        assertEquals("x\\u0000y", record.getParameters()[1]);
        assertTrue(((String) record.getParameters()[2]).length() <= 201);
    }

    @Test
    void ourOwnMessagesAreEscapedFrameworkMessagesKeepTheirLines() {
        LogRecord ours = new LogRecord(Level.WARNING, "rating A\nB refused");
        ours.setLoggerName("org.hcp.kit.rest.ProblemMappers");
        new LogEscaping().isLoggable(ours);
        assertEquals("rating A\\u000aB refused", ours.getMessage());

        LogRecord banner = new LogRecord(Level.INFO, "line one\nline two");
        banner.setLoggerName("io.quarkus");
        new LogEscaping().isLoggable(banner);
        assertEquals("line one\nline two", banner.getMessage());
    }
}
