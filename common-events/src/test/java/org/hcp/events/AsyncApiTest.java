package org.hcp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document for consumers that read Kafka directly (docs/events.md) is generated from {@link Topics} and
 * {@link EventTypes} and checked in; it must equal what they say. After a deliberate change:
 * {@code mvn test -Dhcp.updateSchemas=true}.
 */
class AsyncApiTest {

    private static final Path PUBLISHED = Path.of("src/main/resources/asyncapi.json");

    private static final Map<String, String> TOPIC_DESCRIPTIONS = Map.of(
            Topics.RATINGS, "Ratings (R1), keyed by rating id; intake-service publishes.",
            Topics.CASES, "Completed cases and rating reminders, keyed by case number; intake-service publishes.",
            Topics.DIRECTORY, "The directory of what can be rated and the working calendar, keyed by KIND:code; "
                    + "intake-service publishes.",
            Topics.RECTIFICATIONS, "The life of every rectification (R2), keyed by rectification id; "
                    + "rectification-service publishes.",
            Topics.APPEALS, "Appeals, their decisions (R3) and integrity reviews (R6.3), keyed by rating id "
                    + "(IntegrityFlagReviewed: flag id); appeal-service publishes.",
            Topics.BULLETINS, "Monthly bulletins (R4.3), frozen, keyed by bulletin id; reporting-service publishes.",
            Topics.DEAD_LETTER, "Records a consumer could not read or apply, as they were, with the reason in "
                    + "headers; keyed by the source record's key.",
            Topics.CHECKPOINTS, "Signed Merkle checkpoints of every other topic (R5.3), keyed by topic/partition; "
                    + "reporting-service's notary publishes.");

    static ObjectNode generate() {
        ObjectNode doc = EventJson.mapper().createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "HCP event log (政务服务好差评)");
        info.put("version", "1");
        info.put("description", "Every topic keeps every record forever (retention.ms=-1, never compacted). Each "
                + "record's value is one JSON event envelope; its payload is described by the schema of its type "
                + "and version. Order holds per key. See docs/events.md.");
        ObjectNode servers = doc.putObject("servers");
        ObjectNode local = servers.putObject("local");
        local.put("host", "127.0.0.1:19092");
        local.put("protocol", "kafka");
        local.put("description", "./hcp up's embedded broker; docker-compose's is kafka:9092");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode messages = doc.putObject("components").putObject("messages");
        for (String topic : Topics.ALL) {
            ObjectNode channel = channels.putObject(topic);
            channel.put("address", topic);
            channel.put("description", TOPIC_DESCRIPTIONS.get(topic));
            ObjectNode channelMessages = channel.putObject("messages");
            for (EventType type : EventTypes.ALL) {
                if (!type.topic().equals(topic)) {
                    continue;
                }
                String id = type.name() + ".v" + type.version();
                channelMessages.putObject(id).put("$ref", "#/components/messages/" + id);
                ObjectNode message = messages.putObject(id);
                message.put("name", type.name());
                message.put("title", type.name() + " v" + type.version());
                message.put("contentType", "application/json");
                message.putObject("payload").put("$ref", "./schemas/" + type.schemaFileName());
            }
            ObjectNode operation = operations.putObject("read-" + topic);
            operation.put("action", "receive");
            operation.putObject("channel").put("$ref", "#/channels/" + topic);
        }
        return doc;
    }

    @Test
    void thePublishedAsyncApiDocumentMatchesTheTopicsAndEventTypes() throws IOException {
        JsonNode generated = generate();
        if (Boolean.getBoolean("hcp.updateSchemas")) {
            Files.writeString(PUBLISHED, EventJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(generated) + "\n");
        }
        assertTrue(Files.exists(PUBLISHED), "no " + PUBLISHED + "; run with -Dhcp.updateSchemas=true");
        assertEquals(generated, EventJson.mapper().readTree(PUBLISHED.toFile()),
                "asyncapi.json is out of date; run with -Dhcp.updateSchemas=true and review the diff");
    }

    @Test
    void everyEventTypeIsOnOneTopicAndEveryPayloadSchemaIsPublished() {
        JsonNode doc = generate();
        List<String> listed = new ArrayList<>();
        doc.path("channels").forEach(c -> c.path("messages").fieldNames().forEachRemaining(listed::add));
        assertEquals(EventTypes.ALL.size(), listed.size(), listed.toString());
        for (EventType type : EventTypes.ALL) {
            assertTrue(List.of(Topics.ALL).contains(type.topic()), type + " is on a topic of the platform");
            assertTrue(Files.exists(Path.of("src/main/resources/schemas").resolve(type.schemaFileName())),
                    type.schemaFileName());
        }
        assertTrue(TOPIC_DESCRIPTIONS.keySet().containsAll(List.of(Topics.ALL)), "every topic is described");
    }
}
