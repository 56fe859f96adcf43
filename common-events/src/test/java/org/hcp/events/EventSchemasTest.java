package org.hcp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The published schemas are checked in (external consumers read them from the jar or the repository) and must
 * equal what the event records say. After a deliberate change: {@code mvn test -Dhcp.updateSchemas=true}.
 */
class EventSchemasTest {

    private static final Path PUBLISHED = Path.of("src/main/resources/schemas");

    @Test
    void everyEventTypeHasAPublishedSchemaMatchingItsRecord() throws IOException {
        EventSchemaGenerator generator = new EventSchemaGenerator();
        for (EventType type : EventTypes.ALL) {
            JsonNode generated = generator.schemaOf(type);
            Path file = PUBLISHED.resolve(type.schemaFileName());
            if (Boolean.getBoolean("hcp.updateSchemas")) {
                Files.createDirectories(PUBLISHED);
                Files.writeString(file, EventJson.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(generated) + "\n");
            }
            assertTrue(Files.exists(file), "no published schema " + file + "; run with -Dhcp.updateSchemas=true");
            JsonNode published = EventJson.mapper().readTree(file.toFile());
            assertEquals(generated, published, type.schemaFileName() + " is out of date with "
                    + type.payloadClass().getSimpleName() + "; run with -Dhcp.updateSchemas=true and review the diff");
        }
    }

    @Test
    void schemasAreOnTheClasspathForConsumers() throws IOException {
        for (EventType type : EventTypes.ALL) {
            try (InputStream in = getClass().getResourceAsStream("/schemas/" + type.schemaFileName())) {
                assertTrue(in != null && in.readAllBytes().length > 0, type.schemaFileName());
            }
        }
    }
}
