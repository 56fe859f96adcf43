package org.hcp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The canonical-instant reader against the JDK's, on the forms our writer emits and on every other. */
class CanonicalInstantsTest {

    @Test
    void everyInstantOurWriterEmitsReadsAsTheJdkReadsIt() throws JsonProcessingException {
        Random random = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(-2_000_000_000L, 8_000_000_000L); // 1906 to 2223
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nano);
            String written = EventJson.mapper().writeValueAsString(instant).replace("\"", "");
            assertEquals(instant, CanonicalInstants.canonical(written), written);
            assertEquals(instant, CanonicalInstants.canonical(instant.toString()), instant.toString());
            assertEquals(instant, EventJson.mapper().readValue('"' + written + '"', Instant.class));
        }
    }

    @Test
    void anyOtherFormIsLeftToTheJdk() throws JsonProcessingException {
        for (String other : List.of("2024-11-01T10:15:31+08:00", "2024-11-01T02:15:31.Z", "2024-11-01T02:15:31z",
                "2024-11-01T02:15:31.1234567890Z", "2024-02-30T00:00:00Z", "2024-11-01T24:00:00Z",
                "2024-13-01T00:00:00Z", "+12024-11-01T02:15:31Z", "2024-11-01 02:15:31Z", "2024-11-0lT02:15:31Z",
                "2024-11-01T23:59:60Z", "")) {
            assertNull(CanonicalInstants.canonical(other), other);
        }
        // ... which reads what it can, as before, and refuses the rest.
        assertEquals(Instant.parse("2024-11-01T02:15:31Z"),
                EventJson.mapper().readValue("\"2024-11-01T10:15:31+08:00\"", Instant.class));
        assertEquals(Instant.ofEpochSecond(1_730_427_331L),
                EventJson.mapper().readValue("1730427331", Instant.class));
        assertThrows(DateTimeParseException.class, () -> CanonicalInstants.parse("2024-02-30T00:00:00Z"));
        assertThrows(JsonProcessingException.class,
                () -> EventJson.mapper().readValue("\"2024-02-30T00:00:00Z\"", Instant.class));
    }
}
