package org.hcp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test: how fast {@link EventJson#read} decodes a golden event, next to the way it read before
 * (a tree of the whole event, then the payload's tree converted to its record, instants through the JDK's
 * formatter), alternating in one JVM so that the ratio holds on a noisy machine (docs/performance.md).
 *
 * <p>Run: {@code mvn -q -pl common-events test -Dtest=EventReadBenchmark -Dhcp.bench=true} (about a minute).
 */
class EventReadBenchmark {

    private static final int READS = 300_000;
    private static final ObjectMapper BEFORE = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();

    @Test
    void onePassAgainstTreeThenValue() throws Exception {
        assumeTrue(System.getProperty("hcp.bench") != null, "a benchmark: run with -Dhcp.bench=true");
        StringBuilder table = new StringBuilder("| golden event | before (events/s) | now (events/s) | ratio |\n"
                + "|---|---|---|---|\n");
        for (String name : new String[] {"RatingSubmitted.v1", "CaseCompleted.v1", "RectificationOpened.v1"}) {
            String json = Files.readString(Path.of("src/test/resources/golden", name + ".json"));
            assertEquals(readAsBefore(json), EventJson.read(json), "both readers read the same event");
            double now = 0;
            double before = 0;
            for (int round = 0; round < 4; round++) { // the first two warm up the JIT
                long t0 = System.nanoTime();
                long sink = 0;
                for (int i = 0; i < READS; i++) {
                    sink += EventJson.read(json).payload().hashCode();
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < READS; i++) {
                    sink += readAsBefore(json).payload().hashCode();
                }
                long t2 = System.nanoTime();
                now = READS / ((t1 - t0) / 1e9);
                before = READS / ((t2 - t1) / 1e9);
                if (sink == 42) {
                    System.out.print(""); // keeps the reads from being optimised away
                }
            }
            table.append(String.format("| %s | %,.0f | %,.0f | %.1f× |%n", name, before, now, now / before));
        }
        System.out.println(table);
    }

    /** The reader as it was: the whole event as a tree, then the payload's tree converted. */
    private static EventEnvelope<EventPayload> readAsBefore(String json) throws Exception {
        JsonNode node = BEFORE.readTree(json);
        String type = node.get("type").asText();
        int version = node.get("schemaVersion").asInt();
        EventPayload payload = BEFORE.treeToValue(node.get("payload"), EventTypes.find(type, version).payloadClass());
        return new EventEnvelope<>(UUID.fromString(node.get("eventId").asText()), type, version,
                Instant.parse(node.get("occurredAt").asText()), Instant.parse(node.get("recordedAt").asText()),
                node.hasNonNull("region") ? node.get("region").asText() : null, node.get("key").asText(),
                node.hasNonNull("causationId") ? UUID.fromString(node.get("causationId").asText()) : null,
                node.hasNonNull("correlationId") ? UUID.fromString(node.get("correlationId").asText()) : null,
                node.get("producer").asText(), payload);
    }
}
