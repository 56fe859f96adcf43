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

    // ---- Kubernetes (deploy/kubernetes) ----

    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");

    /** Every document of the base's files, as Kubernetes reads it. */
    static List<JsonNode> manifests() throws IOException {
        List<JsonNode> docs = new java.util.ArrayList<>();
        try (var files = Files.list(KUBERNETES.resolve("base"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")
                    && !p.getFileName().toString().equals("kustomization.yaml")).sorted().toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(f))) {
                    docs.add(JSON.valueToTree(doc));
                }
            }
        }
        return docs;
    }

    /**
     * The schema of a kind, made strict as kubeconform's strict mode does: an object with declared properties accepts
     * no other (where a custom resource keeps unknown fields on purpose, it still does); int-or-string and quantities
     * accept numbers, as the API server does.
     */
    static JsonSchema schemaOf(JsonNode doc) throws IOException {
        String apiVersion = doc.path("apiVersion").asText();
        String kind = doc.path("kind").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        com.fasterxml.jackson.databind.node.ObjectNode schema;
        if (group.endsWith("strimzi.io") || group.endsWith("cnpg.io")) {
            JsonNode crds = JSON.readTree(ROOT.resolve("deploy/schemas/operator-crds.json").toFile()).path("schemas");
            JsonNode crd = crds.path(apiVersion + "/" + kind);
            assertTrue(crd.isObject(), "no schema for " + apiVersion + " " + kind);
            schema = (com.fasterxml.jackson.databind.node.ObjectNode) crd.deepCopy();
        } else {
            com.fasterxml.jackson.databind.node.ObjectNode definitions = (com.fasterxml.jackson.databind.node.ObjectNode)
                    JSON.readTree(ROOT.resolve("deploy/schemas/kubernetes-definitions.json").toFile())
                            .path("definitions");
            String found = null;
            for (var it = definitions.fields(); it.hasNext();) {
                var d = it.next();
                for (JsonNode gvk : d.getValue().path("x-kubernetes-group-version-kind")) {
                    if (gvk.path("group").asText().equals(group) && gvk.path("version").asText().equals(version)
                            && gvk.path("kind").asText().equals(kind)) {
                        found = d.getKey();
                    }
                }
            }
            assertTrue(found != null, "no schema for " + apiVersion + " " + kind);
            definitions.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString",
                    JSON.readTree("{\"type\":[\"string\",\"integer\"]}"));
            definitions.set("io.k8s.apimachinery.pkg.api.resource.Quantity",
                    JSON.readTree("{\"type\":[\"string\",\"number\"]}"));
            schema = JSON.createObjectNode();
            schema.put("$ref", "#/definitions/" + found);
            schema.set("definitions", definitions);
        }
        strict(schema);
        schema.put("$id", "urn:hcp:schema:" + apiVersion + "/" + kind);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    }

    private static void strict(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            if (o.has("properties") && o.path("properties").isObject() && !o.has("additionalProperties")
                    && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                o.put("additionalProperties", false);
            }
            o.elements().forEachRemaining(DeploymentFilesTest::strict);
        } else if (node.isArray()) {
            node.forEach(DeploymentFilesTest::strict);
        }
    }

    @Test
    void issue31_everyManifestFollowsItsKindsSchema() throws IOException {
        List<String> errors = new java.util.ArrayList<>();
        Set<String> kinds = new java.util.TreeSet<>();
        for (JsonNode doc : manifests()) {
            String what = doc.path("kind").asText() + " " + doc.path("metadata").path("name").asText();
            kinds.add(doc.path("kind").asText());
            schemaOf(doc).validate(doc).forEach(m -> errors.add(what + ": " + m.getMessage()));
        }
        assertEquals(List.of(), errors);
        assertTrue(kinds.containsAll(List.of("Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy",
                "Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "ScheduledBackup")), "kinds: " + kinds);
    }

    @Test
    void issue31_aMisspeltFieldInADeploymentOrAKafkaFailsTheCheck() throws IOException {
        for (JsonNode doc : manifests()) {
            String kind = doc.path("kind").asText();
            if (kind.equals("Deployment") || kind.equals("Kafka") || kind.equals("Cluster")) {
                com.fasterxml.jackson.databind.node.ObjectNode broken = doc.deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("spec")).put("replica", 3);
                assertTrue(!schemaOf(broken).validate(broken).isEmpty(), kind + ": spec.replica is no field");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void issue31_theLogIsOnThreeBrokersTheDatabaseOnThreeInstancesAndTheSecretsNowhere() throws IOException {
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        for (JsonNode doc : manifests()) {
            byName.put(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
        }
        assertEquals(3, byName.get("KafkaNodePool/dual-role").path("spec").path("replicas").asInt());
        for (JsonNode doc : byName.values()) {
            if (doc.path("kind").asText().equals("KafkaTopic")) {
                assertEquals(3, doc.path("spec").path("replicas").asInt(), doc.toString());
                assertEquals(2, doc.path("spec").path("config").path("min.insync.replicas").asInt(), doc.toString());
            }
        }
        JsonNode pg = byName.get("Cluster/hcp-postgres").path("spec");
        assertEquals(3, pg.path("instances").asInt());
        assertTrue(pg.path("minSyncReplicas").asInt() >= 1, "synchronous replication");
        assertTrue(byName.containsKey("ScheduledBackup/hcp-postgres-nightly"));
        // The topics of record are all declared.
        for (String topic : org.hcp.events.Topics.ALL) {
            assertTrue(byName.values().stream().anyMatch(d -> d.path("spec").path("topicName").asText().equals(topic)),
                    topic + " has a KafkaTopic");
        }
        // No secret's value in the manifests: every key comes from a Secret by reference.
        int secrets = 0;
        for (JsonNode doc : byName.values()) {
            for (JsonNode env : doc.path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
                String name = env.path("name").asText();
                if (name.matches(".*(KEY|PASSWORD|SECRET).*") && !name.endsWith("_LOCATION")) {
                    secrets++;
                    assertTrue(!env.has("value") && env.path("valueFrom").has("secretKeyRef"),
                            doc.path("metadata").path("name").asText() + " " + name + " comes from a Secret");
                }
            }
        }
        assertTrue(secrets >= 8, "secrets referenced: " + secrets);
        // Each overlay patches what the base has.
        for (String overlay : List.of("small-city", "province")) {
            Map<String, Object> k = new Yaml().load(Files.readString(KUBERNETES.resolve("overlays/" + overlay
                    + "/kustomization.yaml")));
            for (Map<String, Object> patch : (List<Map<String, Object>>) k.get("patches")) {
                Map<String, Object> target = (Map<String, Object>) patch.get("target");
                assertTrue(byName.containsKey(target.get("kind") + "/" + target.get("name")), overlay + ": " + target);
                assertTrue(new Yaml().load((String) patch.get("patch")) instanceof List, overlay + ": a JSON patch");
            }
        }
    }

    /**
     * An overlay rendered as kustomize renders it: the base's documents with each patch applied to its target.
     * Hand-written, for the only operation the overlays use (RFC 6902 replace): no kustomize runs on the build
     * machines, and no JSON-patch library is on the test's classpath for one operation.
     */
    @SuppressWarnings("unchecked")
    static List<JsonNode> render(String overlay) throws IOException {
        List<JsonNode> docs = manifests();
        Map<String, Object> k = new Yaml().load(Files.readString(KUBERNETES.resolve("overlays/" + overlay
                + "/kustomization.yaml")));
        for (Map<String, Object> patch : (List<Map<String, Object>>) k.get("patches")) {
            Map<String, Object> target = (Map<String, Object>) patch.get("target");
            JsonNode doc = docs.stream().filter(d -> d.path("kind").asText().equals(target.get("kind"))
                    && d.path("metadata").path("name").asText().equals(target.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": no " + target + " in the base"));
            for (Map<String, Object> op : (List<Map<String, Object>>) new Yaml().load((String) patch.get("patch"))) {
                assertEquals("replace", op.get("op"), overlay + ": only replace is rendered here");
                String path = (String) op.get("path");
                com.fasterxml.jackson.core.JsonPointer pointer = com.fasterxml.jackson.core.JsonPointer.compile(path);
                JsonNode parent = doc.at(pointer.head());
                String last = pointer.last().getMatchingProperty();
                JsonNode value = JSON.valueToTree(op.get("value"));
                if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
                    array.set(Integer.parseInt(last), value);
                } else {
                    assertTrue(parent.has(last), overlay + ": " + path + " replaces nothing");
                    ((com.fasterxml.jackson.databind.node.ObjectNode) parent).set(last, value);
                }
            }
        }
        return docs;
    }

    @Test
    void issue31_bothOverlaysRenderToValidManifestsWithTheirReplicas() throws IOException {
        for (String overlay : List.of("small-city", "province")) {
            List<String> errors = new java.util.ArrayList<>();
            for (JsonNode doc : render(overlay)) {
                schemaOf(doc).validate(doc).forEach(m -> errors.add(overlay + " " + doc.path("kind").asText() + " "
                        + doc.path("metadata").path("name").asText() + ": " + m.getMessage()));
                if (doc.path("kind").asText().equals("Deployment") && !doc.path("metadata").path("name").asText()
                        .equals("audit")) {
                    assertEquals(overlay.equals("small-city") ? 1 : 3, doc.path("spec").path("replicas").asInt(),
                            overlay + " " + doc.path("metadata").path("name").asText());
                }
            }
            assertEquals(List.of(), errors);
        }
    }
}
