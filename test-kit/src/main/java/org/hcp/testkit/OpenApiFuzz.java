package org.hcp.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;

/**
 * Hostile requests for every operation of a service's OpenAPI document (issue 25; docs/security.md, "Input
 * limits"), as {@link AccessMatrix} covers every operation for access: a new endpoint is fuzzed without a new line.
 * Per operation it sends wrong types, nulls, NUL bytes and control characters, huge strings, extreme numbers and
 * dates, duplicate keys, broken JSON, CSV and form encodings, hostile path and query values, and bad tokens; and it
 * asserts that nothing answers 5xx, that every error is problem+json (an HTML page's errors are HTML), and that no
 * refused write wrote anything. Seeded, bounded in requests and time.
 */
public final class OpenApiFuzz {

    /** How far one run may go. */
    public record Budget(int maxRequests, Duration maxTime, long seed) {
        public static final Budget DEFAULT = new Budget(1_500, Duration.ofSeconds(30), 25L);
    }

    /**
     * @param baseUrl       the service's base URL, without a trailing slash
     * @param managementUrl its management interface's, where the OpenAPI document is
     * @param token         a token that passes every operation's role check (an admin's)
     * @param committed     how many writes the service has committed so far (its outbox rows, published or not);
     *                      null to skip the "nothing written" check
     * @param peerOperations operations that forward to another service and may answer 502 when it is away
     */
    public record Target(String baseUrl, String managementUrl, String token, LongSupplier committed, Set<String> peerOperations) {
    }

    /** What a run did: requests sent, per operation, and every broken promise. */
    public record Report(int requests, int operations, List<String> failures) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String HUGE = "长".repeat(5_000);
    private static final List<String> HOSTILE_TEXT = List.of("a\u0000b", "line\r\nInjected: yes", HUGE,
            "<img src=x onerror=alert(1)>", "' OR '1'='1", "../../etc/passwd", "");
    private static final List<String> HOSTILE_PARAMETERS = List.of("a%00b", "a%0d%0aSet-Cookie:%20x=1", "%zz",
            "x".repeat(300), "-1", "2147483648", "%2B999999999-12-31", "%2B999999999-12", "0000-01", "0000-00-00",
            "1.5", "%E4%BD", "%5C%22%3C", "null");
    private static final List<JsonNode> EXTREME_NUMBERS = List.of(JSON.numberNode(-1), JSON.numberNode(1.5),
            JSON.numberNode(Long.MAX_VALUE), JSON.numberNode(new java.math.BigInteger("99999999999999999999999")),
            JSON.numberNode(-2147483649L), JSON.numberNode(1e308));
    private static final List<String> EXTREME_DATES = List.of("+999999999-12-31", "-999999999-01-01T00:00:00Z",
            "0000-01-01", "1970-01-01T00:00:00Z", "2025-02-30", "2025-13-01T00:00:00Z", "not a date");
    private static final List<String> BAD_TOKENS = List.of("garbage", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
            "a".repeat(5_000));

    private OpenApiFuzz() {
    }

    /**
     * The run every service's test makes: as an admin, within {@link Budget#DEFAULT}, writes counted by the
     * service's outbox ({@code database}) and its relay's published counter. Fails with every broken promise.
     */
    public static Report checkService(java.net.URL base, java.net.URL management, String database,
            java.util.function.DoubleSupplier published, Set<String> peerOperations)
            throws IOException, InterruptedException {
        return checkService(base, management, outboxWrites(database, published), peerOperations);
    }

    /** The same run, for a service whose writes are counted otherwise (or that has none a request can cause). */
    public static Report checkService(java.net.URL base, java.net.URL management, LongSupplier writes,
            Set<String> peerOperations) throws IOException, InterruptedException {
        Report report = check(new Target(base.toString().replaceAll("/$", ""), AccessMatrix.root(management),
                DevTokens.mint("admin"), writes, peerOperations), Budget.DEFAULT);
        System.out.printf("OpenApiFuzz: %d hostile requests over %d operations%n", report.requests(),
                report.operations());
        return report;
    }

    /** Runs the fuzz and fails with every broken promise. */
    public static Report check(Target target, Budget budget) throws IOException, InterruptedException {
        Report report = run(target, budget);
        if (!report.failures().isEmpty()) {
            throw new AssertionError(report.failures().size() + " hostile request(s) of " + report.requests()
                    + " were not answered as they must be:\n  " + String.join("\n  ", report.failures()));
        }
        return report;
    }

    public static Report run(Target target, Budget budget) throws IOException, InterruptedException {
        JsonNode document = BoundedHttp.openApi(CLIENT, target.managementUrl());
        Random random = new Random(budget.seed());
        Instant deadline = Instant.now().plus(budget.maxTime());
        Map<Operation, List<Request>> planned = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (Set.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                    Operation operation = new Operation(method.getKey().toUpperCase(), path.getKey(),
                            method.getValue(), document);
                    planned.put(operation, requestsFor(operation, target.token(), random));
                }
            }
        }
        // Every operation gets its share of the budget, a seeded sample of its hostile requests, sent round-robin so
        // that a run cut short by time has still reached every operation.
        int share = Math.max(20, budget.maxRequests() / Math.max(1, planned.size()));
        List<Iterator<Request>> queues = new ArrayList<>();
        List<Operation> order = new ArrayList<>();
        for (Map.Entry<Operation, List<Request>> entry : planned.entrySet()) {
            List<Request> sample = new ArrayList<>(entry.getValue());
            java.util.Collections.shuffle(sample, random);
            queues.add(sample.subList(0, Math.min(share, sample.size())).iterator());
            order.add(entry.getKey());
        }
        List<String> failures = new ArrayList<>();
        int requests = 0;
        boolean more = true;
        while (more && Instant.now().isBefore(deadline)) {
            more = false;
            for (int i = 0; i < queues.size() && Instant.now().isBefore(deadline); i++) {
                if (!queues.get(i).hasNext()) {
                    continue;
                }
                more = true;
                Request request = queues.get(i).next();
                requests++;
                String failure = send(target, order.get(i), request);
                if (failure != null) {
                    failures.add(order.get(i).name() + " " + request.what() + ": " + failure);
                }
            }
        }
        return new Report(requests, planned.size(), failures);
    }

    /** One operation of the document, with what it reads. */
    private record Operation(String method, String template, JsonNode spec, JsonNode document) {
        String name() {
            return method + " " + template;
        }

        boolean producesHtml() {
            for (JsonNode response : spec.path("responses")) {
                if (response.path("content").has("text/html")) {
                    return true;
                }
            }
            return false;
        }

        List<String> parameters(String in) {
            List<String> names = new ArrayList<>();
            for (JsonNode parameter : spec.path("parameters")) {
                if (in.equals(parameter.path("in").asText())) {
                    names.add(parameter.path("name").asText());
                }
            }
            return names;
        }

        /** The body's media type and schema, or null when the operation reads none. */
        Map.Entry<String, JsonNode> body() {
            Iterator<Map.Entry<String, JsonNode>> content = spec.path("requestBody").path("content").fields();
            return content.hasNext() ? content.next() : null;
        }

        JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
                String ref = current.get("$ref").asText();
                current = document.at(ref.substring(1));
            }
            if (current.has("allOf") && current.get("allOf").size() == 1) {
                return resolve(current.get("allOf").get(0));
            }
            return current;
        }
    }

    /** One hostile request: what it tries, its path and query, its body, and the token it carries. */
    private record Request(String what, String pathAndQuery, String contentType, byte[] body, String token) {
    }

    private static List<Request> requestsFor(Operation op, String token, Random random) {
        List<Request> requests = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (String name : op.parameters("path")) {
            pathValues.put(name, "FUZZ-1");
        }
        String plainPath = fill(op.template(), pathValues);
        Map.Entry<String, JsonNode> body = op.body();
        String contentType = body == null ? null : body.getKey();
        byte[] plainBody = body == null ? null : plainBody(op, body);

        // Bad tokens: every operation, once each.
        for (String bad : BAD_TOKENS) {
            requests.add(new Request("token " + abbreviate(bad), plainPath, contentType, plainBody, bad));
        }
        for (String name : pathValues.keySet()) {
            for (String hostile : HOSTILE_PARAMETERS) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, hostile);
                requests.add(new Request("path {" + name + "}=" + abbreviate(hostile), fill(op.template(), values),
                        contentType, plainBody, token));
            }
        }
        for (String name : op.parameters("query")) {
            for (String hostile : HOSTILE_PARAMETERS) {
                requests.add(new Request("?" + name + "=" + abbreviate(hostile), plainPath + "?" + name + "="
                        + hostile, contentType, plainBody, token));
            }
            requests.add(new Request("?" + name + " twice", plainPath + "?" + name + "=1&" + name + "=2",
                    contentType, plainBody, token));
        }
        if (body != null) {
            for (Map.Entry<String, byte[]> hostile : hostileBodies(op, body, random).entrySet()) {
                requests.add(new Request("body " + hostile.getKey(), plainPath, contentType, hostile.getValue(),
                        token));
            }
        }
        return requests;
    }

    private static byte[] plainBody(Operation op, Map.Entry<String, JsonNode> body) {
        if (body.getKey().contains("json")) {
            return json(sample(op, body.getValue().path("schema"), 0)).getBytes(StandardCharsets.UTF_8);
        }
        return "".getBytes(StandardCharsets.UTF_8);
    }

    /** A body of plausible values, field by field, from the schema. */
    private static JsonNode sample(Operation op, JsonNode schemaRef, int depth) {
        JsonNode schema = op.resolve(schemaRef);
        if (depth > 6) {
            return JSON.nullNode();
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "string" -> JSON.textNode(format.equals("date-time") ? "2025-03-01T02:00:00Z"
                    : format.equals("date") ? "2025-03-01" : "FUZZ-1");
            case "integer" -> JSON.numberNode(1);
            case "number" -> JSON.numberNode(1.0);
            case "boolean" -> JSON.booleanNode(true);
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                array.add(sample(op, schema.path("items"), depth + 1));
                yield array;
            }
            default -> {
                ObjectNode object = JSON.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    object.set(property.getKey(), sample(op, property.getValue(), depth + 1));
                }
                yield object;
            }
        };
    }

    private static Map<String, byte[]> hostileBodies(Operation op, Map.Entry<String, JsonNode> body, Random random) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        String type = body.getKey();
        if (type.contains("json")) {
            JsonNode plain = sample(op, body.getValue().path("schema"), 0);
            String text = json(plain);
            bodies.put("not JSON", utf8("{\"a\":"));
            bodies.put("null", utf8("null"));
            bodies.put("a bare string", utf8("\"x\""));
            bodies.put("nested 3000 deep", utf8("[".repeat(3_000) + "]".repeat(3_000)));
            bodies.put("a number of 5000 digits", utf8("9".repeat(5_000)));
            bodies.put("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
            if (plain instanceof ObjectNode object && object.size() > 0) {
                String first = object.fieldNames().next();
                bodies.put("duplicate key " + first, utf8("{\"" + first + "\":" + object.get(first) + ","
                        + text.substring(1)));
            }
            mutate(plain, plain, "", bodies, random);
        } else if (type.contains("csv") || type.startsWith("text/")) {
            bodies.put("header only", utf8("a,b,c\n"));
            bodies.put("NUL bytes", utf8("formNo,caseNumber,level\nF\u00001,C\u00001,5\n"));
            bodies.put("an unclosed quote", utf8("formNo,caseNumber,level\n\"F1,C1,5\n"));
            bodies.put("a line of 200 kB", utf8("kind,code,name\n" + "x".repeat(200_000) + "\n"));
            bodies.put("invalid UTF-8", new byte[] {'a', ',', (byte) 0xFF, (byte) 0xFE, '\n'});
        } else if (type.contains("form-urlencoded")) {
            bodies.put("broken percent-encoding", utf8("level=%zz&text=%E4%"));
            bodies.put("NUL", utf8("level=5&text=a%00b"));
            bodies.put("a field repeated", utf8("level=5&level=1"));
        } else {
            byte[] noise = new byte[4_096];
            random.nextBytes(noise);
            bodies.put("random bytes", noise);
            bodies.put("empty", new byte[0]);
            bodies.put("a PDF header and nothing", utf8("%PDF-1.7\n"));
        }
        return bodies;
    }

    /** For each field of the sample: null, a wrong type, hostile text, extreme numbers and dates. */
    private static void mutate(JsonNode root, JsonNode plain, String pointer, Map<String, byte[]> bodies,
            Random random) {
        if (!(plain instanceof ObjectNode object)) {
            return;
        }
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode original = object.get(field);
            String at = pointer + "/" + field;
            List<JsonNode> variants = new ArrayList<>();
            variants.add(JSON.nullNode());
            variants.add(original.isTextual() ? JSON.numberNode(12345) : JSON.textNode("12345"));
            variants.add(JSON.objectNode());
            ArrayNode nullInArray = JSON.arrayNode();
            nullInArray.addNull();
            variants.add(nullInArray);
            if (original.isTextual()) {
                variants.add(JSON.textNode(HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()))));
                variants.add(JSON.textNode(HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()))));
                variants.add(JSON.textNode(EXTREME_DATES.get(random.nextInt(EXTREME_DATES.size()))));
            }
            if (original.isNumber()) {
                variants.add(EXTREME_NUMBERS.get(random.nextInt(EXTREME_NUMBERS.size())));
                variants.add(EXTREME_NUMBERS.get(random.nextInt(EXTREME_NUMBERS.size())));
            }
            for (JsonNode variant : variants) {
                object.set(field, variant);
                bodies.put(at + "=" + abbreviate(variant.toString()), utf8(json(root)));
            }
            object.set(field, original);
            if (original instanceof ObjectNode nested) {
                mutate(root, nested, at, bodies, random);
            } else if (original instanceof ArrayNode array && array.size() > 0 && array.get(0) instanceof ObjectNode) {
                mutate(root, array.get(0), at + "/0", bodies, random);
            }
        }
    }

    private static String send(Target target, Operation op, Request request) throws InterruptedException {
        String url = target.baseUrl() + request.pathAndQuery();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException notAUri) {
            return null; // the client cannot even send it: nothing reaches the service
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, text/html, text/csv");
        if (request.token() != null) {
            builder.header("Authorization", "Bearer " + request.token());
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(op.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        boolean write = !op.method().equals("GET");
        long before = write && target.committed() != null ? target.committed().getAsLong() : 0;
        HttpResponse<String> answer;
        try {
            answer = BoundedHttp.send(CLIENT, builder.build(), Duration.ofSeconds(45));
        } catch (IOException e) {
            return "no answer: " + e;
        }
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (status >= 500 && !(status == 502 && target.peerOperations().contains(op.name()))) {
            return "answered " + status + " " + abbreviate(answer.body());
        }
        if (status >= 400 && status != 502) {
            boolean html = op.producesHtml() && type.startsWith("text/html");
            if (!html && !type.startsWith("application/problem+json")) {
                return "answered " + status + " as '" + type + "', not problem+json: " + abbreviate(answer.body());
            }
        }
        if (write && status >= 400 && target.committed() != null) {
            long after = target.committed().getAsLong();
            if (after != before) {
                return "answered " + status + " but committed " + (after - before) + " write(s)";
            }
        }
        return null;
    }

    /**
     * A {@link Target#committed()} for a service whose writes all go through its outbox: rows still in the outbox
     * plus rows the relay has published ({@code published}, its counter). Read until two readings agree, so that a
     * row the relay is moving at that moment is counted once.
     */
    public static LongSupplier outboxWrites(String database, java.util.function.DoubleSupplier published) {
        java.sql.Connection[] connection = new java.sql.Connection[1];
        return () -> {
            try {
                if (connection[0] == null || connection[0].isClosed()) {
                    connection[0] = LocalStack.shared().postgres().connect(database);
                }
                long previous = -1;
                for (int attempt = 0; attempt < 50; attempt++) {
                    long now = outboxRows(connection[0]) + (long) published.getAsDouble();
                    if (now == previous) {
                        return now;
                    }
                    previous = now;
                    Thread.sleep(5);
                }
                return previous;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        };
    }

    /**
     * A {@link Target#committed()} for a service that writes one table in place (no outbox): a hash of the table's
     * whole content, so that an insert, an update or a delete each change it.
     */
    public static LongSupplier rowsOf(String database, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a table name: " + table);
        }
        java.sql.Connection[] connection = new java.sql.Connection[1];
        return () -> {
            try {
                if (connection[0] == null || connection[0].isClosed()) {
                    connection[0] = LocalStack.shared().postgres().connect(database);
                }
                try (java.sql.Statement statement = connection[0].createStatement();
                        java.sql.ResultSet rows = statement.executeQuery("SELECT coalesce(hashtext(string_agg(t::text, "
                                + "',' ORDER BY t::text)), 0) FROM " + table + " t")) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static long outboxRows(java.sql.Connection c) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            // A value with a % is sent as written (it is a hostile encoding); any other is encoded.
            String encoded = value.getValue().contains("%") ? value.getValue()
                    : URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8).replace("+", "%20");
            path = path.replace("{" + value.getKey() + "}", encoded);
        }
        return path;
    }

    private static String json(JsonNode node) {
        return node.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 60 ? flat.substring(0, 60) + "…" : flat;
    }
}
