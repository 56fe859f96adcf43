package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 31: the deployment files are checked here, offline, against the schemas in {@code deploy/schemas/}: a
 * misspelt or misplaced field fails the build, although no Docker engine or cluster exists to run them.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("hcp.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A YAML document as Compose reads it: anchors, aliases and merge keys ({@code <<}) resolved. */
    static JsonNode yaml(String text) {
        Object loaded = new Yaml().load(text);
        return JSON.valueToTree(loaded);
    }

    static Set<ValidationMessage> validate(String schemaFile, JsonNode document) throws IOException {
        JsonNode source = JSON.readTree(ROOT.resolve("deploy/schemas").resolve(schemaFile).toFile());
        // The validator wants an absolute $id; the schemas' own are relative names. Every $ref is within the file.
        ((com.fasterxml.jackson.databind.node.ObjectNode) source).put("$id", "urn:hcp:schema:" + schemaFile);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(source);
        return schema.validate(document);
    }

    @Test
    void theComposeFileFollowsTheComposeSpecification() throws IOException {
        JsonNode compose = yaml(Files.readString(ROOT.resolve("docker-compose.yml")));
        assertEquals(Set.of(), validate("compose-spec.json", compose));
    }

    @Test
    void aMisspeltComposeFieldFailsTheCheck() throws IOException {
        // The check can fail: "healthcheck" written "healtcheck" is no field of a service.
        String broken = Files.readString(ROOT.resolve("docker-compose.yml"))
                .replaceFirst("\n  postgres:\n    image: postgres:16\n", "\n  postgres:\n    image: postgres:16\n"
                        + "    healtcheck: {}\n");
        assertTrue(!validate("compose-spec.json", yaml(broken)).isEmpty(), "the misspelt field is found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void r5_3_composeRunsThreeBrokersAndTheTopicsOnAllThreeWrittenToTwo() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        List<String> brokers = services.keySet().stream().filter(s -> s.startsWith("kafka-")).sorted().toList();
        assertEquals(List.of("kafka-1", "kafka-2", "kafka-3"), brokers);
        for (String broker : brokers) {
            Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) services.get(broker))
                    .get("environment");
            assertEquals("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093", env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
            assertEquals(2, env.get("KAFKA_MIN_INSYNC_REPLICAS"), broker);
            assertEquals(3, env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"), broker);
        }
        Map<String, Object> intake = (Map<String, Object>) ((Map<String, Object>) services.get("intake"))
                .get("environment");
        assertEquals("3", intake.get("HCP_KAFKA_TOPICS_REPLICATION_FACTOR"));
        assertEquals("2", intake.get("HCP_KAFKA_TOPICS_MIN_INSYNC_REPLICAS"));
        assertEquals("kafka-1:9092,kafka-2:9092,kafka-3:9092", intake.get("KAFKA_BOOTSTRAP_SERVERS"));
    }

    /**
     * The alert rules (deploy/monitoring): each has a name, an expression, a severity and a summary, and every
     * {@code hcp_} metric they read is one the code registers (its dotted name, as Micrometer spells it in Java).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theAlertRulesReadMetricsTheServicesServe() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(ROOT.resolve("deploy/monitoring/alert-rules.yaml")));
        String sources = javaSources();
        int rules = 0;
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                rules++;
                String name = (String) rule.get("alert");
                assertTrue(name != null && rule.get("expr") instanceof String && rule.get("for") != null, name);
                assertTrue(((Map<String, Object>) rule.get("labels")).get("severity") != null, name);
                assertTrue(((Map<String, Object>) rule.get("annotations")).get("summary") != null, name);
                java.util.regex.Matcher metric = java.util.regex.Pattern.compile("\\bhcp_[a-z_]+")
                        .matcher((String) rule.get("expr"));
                while (metric.find()) {
                    // Prometheus adds _total to counters (and a unit the name may already end with).
                    String dotted = metric.group().replace('_', '.');
                    String bare = metric.group().replaceAll("_(total|seconds)$", "").replace('_', '.');
                    assertTrue(sources.contains("\"" + dotted + "\"") || sources.contains("\"" + bare + "\""),
                            name + ": no code registers " + metric.group() + " (\"" + bare + "\")");
                }
            }
        }
        assertTrue(rules >= 6, "rules: " + rules);
    }

    private static String javaSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main/java"))
                    .toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }
}
