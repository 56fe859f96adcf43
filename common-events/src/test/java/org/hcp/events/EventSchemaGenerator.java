package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;

/** Derives the published JSON Schema of an event type from its payload record and the envelope. */
final class EventSchemaGenerator {

    private final SchemaGenerator generator;

    EventSchemaGenerator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                EventJson.mapper(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.FLATTENED_ENUMS, Option.ADDITIONAL_FIXED_TYPES, Option.NULLABLE_FIELDS_BY_DEFAULT)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields().withRequiredCheck(field -> {
            JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
            return property != null && property.required();
        });
        config.forFields().withNullableCheck(field -> {
            JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
            return !(field.getType().isPrimitive() || (property != null && property.required()));
        });
        generator = new SchemaGenerator(config.build());
    }

    ObjectNode schemaOf(EventType type) {
        ObjectNode payload = generator.generateSchema(type.payloadClass());
        ObjectNode schema = EventJson.mapper().createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://hcp.example.org/schemas/" + type.schemaFileName());
        schema.put("title", type.name() + " v" + type.version());
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("eventId").put("type", "string").put("format", "uuid");
        properties.putObject("type").put("const", type.name());
        properties.putObject("schemaVersion").put("const", type.version());
        properties.putObject("occurredAt").put("type", "string").put("format", "date-time");
        properties.putObject("recordedAt").put("type", "string").put("format", "date-time");
        properties.putObject("region").put("type", "string").put("pattern", "^[0-9]{6,12}$");
        properties.putObject("key").put("type", "string");
        properties.putObject("causationId").put("type", "string").put("format", "uuid");
        properties.putObject("correlationId").put("type", "string").put("format", "uuid");
        properties.putObject("producer").put("type", "string");
        if (payload.has("$defs")) {
            schema.set("$defs", payload.remove("$defs"));
        }
        properties.set("payload", payload);
        ArrayNode required = schema.putArray("required");
        for (String field : new String[]{"eventId", "type", "schemaVersion", "occurredAt", "recordedAt", "key",
                "producer", "payload"}) {
            required.add(field);
        }
        return schema;
    }
}
