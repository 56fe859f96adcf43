package org.hcp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Golden fixtures are events as they were once written. They never change: every version ever published must
 * still read, and must still validate against its published schema.
 */
class GoldenEventsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void everyEventTypeHasAGoldenFixture() throws IOException {
        List<String> names = fixtureNames();
        for (EventType type : EventTypes.ALL) {
            String prefix = type.name() + ".v" + type.version();
            assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix)), "no golden fixture for " + prefix);
        }
    }

    @Test
    void everyGoldenFixtureReadsAndValidatesAgainstItsSchema() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (String name : fixtureNames()) {
            String json = Files.readString(GOLDEN.resolve(name));
            EventEnvelope<EventPayload> event = EventJson.read(json);
            EventType type = EventTypes.find(event.type(), event.schemaVersion());
            assertTrue(type.payloadClass().isInstance(event.payload()), name);

            JsonSchema schema = factory.getSchema(
                    getClass().getResourceAsStream("/schemas/" + type.schemaFileName()));
            Set<ValidationMessage> errors = schema.validate(EventJson.mapper().readTree(json));
            assertTrue(errors.isEmpty(), name + ": " + errors);

            // Writing what was read gives the same JSON back: no field renamed or dropped.
            JsonNode rewritten = EventJson.mapper().readTree(EventJson.write(event));
            assertEquals(EventJson.mapper().readTree(json), rewritten, name);
        }
    }

    @Test
    void ratingSubmittedV1FixtureCarriesTheNationalDataItems() throws IOException {
        EventEnvelope<RatingSubmitted> event = EventJson.read(
                Files.readString(GOLDEN.resolve("RatingSubmitted.v1.json")), RatingSubmitted.class);
        RatingSubmitted rating = event.payload();
        assertEquals("JL2024110100001", rating.caseNumber());
        assertEquals(Channel.WINDOW_DEVICE, rating.channel());
        assertEquals(4, rating.channelPf());
        assertEquals(2, rating.level());
        assertEquals(List.of("ATTITUDE", "SLOW"), rating.tags());
        assertEquals(RatingOrigin.EVALUATOR, rating.origin());
        assertEquals(1, rating.assessNumber());
        assertEquals(rating.ratingId(), event.key());
        assertFalse(rating.evaluatorPseudonym().isBlank());
    }

    @Test
    void aSchemaRejectsAnEventMissingARequiredPayloadField() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(getClass().getResourceAsStream("/schemas/RatingSubmitted.v1.schema.json"));
        JsonNode event = EventJson.mapper().readTree(Files.readString(GOLDEN.resolve("RatingSubmitted.v1.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("payload")).remove("caseNumber");
        assertFalse(schema.validate(event).isEmpty());
    }

    @Test
    void anEventMissingARequiredPayloadFieldIsUnreadableSoItIsDeadLetteredNotRetriedForever() throws IOException {
        JsonNode event = EventJson.mapper().readTree(Files.readString(GOLDEN.resolve("RatingSubmitted.v1.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("payload")).remove("institutionCode");
        String json = EventJson.mapper().writeValueAsString(event);
        org.junit.jupiter.api.Assertions.assertThrows(EventJson.UnreadableEventException.class,
                () -> EventJson.read(json, RatingSubmitted.class));
    }

    @Test
    void anEventReadsTheSameWhateverOrderItsFieldsComeIn() throws IOException {
        // Ours write the type before the payload, which is read in one pass; a writer that puts the payload first
        // (or an edited fixture) must read the same.
        for (String name : fixtureNames()) {
            String json = Files.readString(GOLDEN.resolve(name));
            com.fasterxml.jackson.databind.node.ObjectNode reversed = EventJson.mapper().createObjectNode();
            List<String> fields = new java.util.ArrayList<>();
            EventJson.mapper().readTree(json).fieldNames().forEachRemaining(fields::add);
            java.util.Collections.reverse(fields);
            JsonNode tree = EventJson.mapper().readTree(json);
            fields.forEach(f -> reversed.set(f, tree.get(f)));
            assertTrue(fields.indexOf("payload") < fields.indexOf("type") || !name.startsWith("Rating"),
                    name + ": the payload now comes first");

            assertEquals(EventJson.read(json), EventJson.read(EventJson.mapper().writeValueAsString(reversed)), name);
        }
    }

    @Test
    void whatIsNotAnEventIsUnreadable() throws IOException {
        JsonNode golden = EventJson.mapper().readTree(Files.readString(GOLDEN.resolve("RatingSubmitted.v1.json")));
        for (String field : List.of("type", "schemaVersion", "payload", "eventId", "key", "producer")) {
            com.fasterxml.jackson.databind.node.ObjectNode without = golden.deepCopy();
            without.remove(field);
            String json = EventJson.mapper().writeValueAsString(without);
            org.junit.jupiter.api.Assertions.assertThrows(EventJson.UnreadableEventException.class,
                    () -> EventJson.read(json), "without " + field);
        }
        com.fasterxml.jackson.databind.node.ObjectNode unknown = golden.deepCopy();
        unknown.put("type", "NoSuchEvent");
        for (String json : List.of("[1,2]", "\"text\"", "{\"type\":", "",
                EventJson.mapper().writeValueAsString(unknown))) {
            org.junit.jupiter.api.Assertions.assertThrows(EventJson.UnreadableEventException.class,
                    () -> EventJson.read(json), json);
        }
    }

    private static List<String> fixtureNames() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }
}
