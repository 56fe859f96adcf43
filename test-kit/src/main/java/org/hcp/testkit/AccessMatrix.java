package org.hcp.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hcp.localstack.DevTokens;

/**
 * The role × scope × endpoint matrix (R6.1; docs/architecture.md, "Access"). A service's test lists one row per
 * operation of its OpenAPI document with the answer expected from each {@link Caller}; {@link #check} calls every
 * operation as every caller and fails with every cell that differs, and when an operation has no row or a row no
 * operation. A new endpoint therefore cannot ship without its row.
 *
 * <p>A cell is {@code 401}, {@code 403}, an exact status such as {@code 200}, or {@code +}: access was granted (any
 * answer but 401, 403 or a 5xx, e.g. a 422 for the empty body the matrix sends). 401 and 403 must be problem+json.
 */
public final class AccessMatrix {

    /** The columns of every row, in this order. */
    public enum Caller {
        NONE, EXPIRED, OTHER_ISSUER, ISSUED_IN_FUTURE, CHANNEL, HANDLER_IN, HANDLER_OUT, HANDLER_NO_SCOPE,
        HANDLER_AND_BUREAU, BUREAU_IN, BUREAU_OUT, BUREAU_NO_SCOPE, AUDITOR, SYNC_IN, SYNC_OUT, SYNC_NO_SCOPE, ADMIN
    }

    /** Header for the rows of a test, naming the columns in order. */
    public static final String COLUMNS = "none expired other-issuer future channel handler(in out none) handler+bureau "
            + "bureau(in out none) auditor sync(in out none) admin";

    /**
     * What "in scope" and "out of scope" mean for the fixtures of a test.
     *
     * @param institution   the institution a handler in scope acts for (owning the test's case)
     * @param otherInstitution another institution
     * @param region        a region prefix that contains the test's case
     * @param otherRegion   a region prefix that does not
     */
    public record Scopes(String institution, String otherInstitution, String region, String otherRegion) {
    }

    /**
     * One operation's expected answers.
     *
     * @param operation   "METHOD /path/{template}" as the OpenAPI document names it
     * @param path        the concrete path (and query) to call
     * @param contentType the body's type, or null for no body
     * @param body        the body to send (an empty JSON object is enough to pass or fail the access check)
     * @param expected    one cell per {@link Caller}, separated by blanks
     */
    public record Row(String operation, String path, String contentType, String body, String expected) {

        public static Row get(String operation, String path, String expected) {
            return new Row(operation, path, null, null, expected);
        }

        public static Row json(String operation, String path, String expected) {
            return new Row(operation, path, "application/json", "{}", expected);
        }

        public static Row withBody(String operation, String path, String contentType, String body, String expected) {
            return new Row(operation, path, contentType, body, expected);
        }
    }

    /**
     * The scopes every service's matrix uses, from the demo directory: Jilin City Changyi's centre (region 220202) in
     * scope, Tai'an's Taishan centre (370902) out of it.
     */
    public static final Scopes DEMO_SCOPES = new Scopes("JL-CY-CENTRE", "TA-TS-CENTRE", "2202", "3709");

    private AccessMatrix() {
    }

    /**
     * {@link #check(String, String, Scopes, List)} at the {@code @TestHTTPResource} URLs of the service and of its
     * management interface, with {@link #DEMO_SCOPES}.
     */
    public static void check(java.net.URL base, java.net.URL management, List<Row> rows)
            throws IOException, InterruptedException {
        check(base.toString().replaceAll("/$", ""), root(management), DEMO_SCOPES, rows);
    }

    /** The management interface's root (its test URL may carry the non-application path). */
    public static String root(java.net.URL management) {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
    }

    /** Every operation of the service's OpenAPI document (on its management interface), as "METHOD /path". */
    public static Set<String> operations(String managementUrl) throws IOException, InterruptedException {
        JsonNode paths = BoundedHttp.openApi(CLIENT, managementUrl).path("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** Calls every row as every caller; throws an AssertionError listing every mismatch. */
    public static void check(String baseUrl, String managementUrl, Scopes scopes, List<Row> rows)
            throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        Set<String> documented = operations(managementUrl);
        Map<String, Row> byOperation = new LinkedHashMap<>();
        for (Row row : rows) {
            if (byOperation.put(row.operation(), row) != null) {
                failures.add(row.operation() + ": two rows");
            }
            if (!documented.contains(row.operation())) {
                failures.add(row.operation() + ": a row for an operation the OpenAPI document does not have");
            }
        }
        for (String operation : documented) {
            if (!byOperation.containsKey(operation)) {
                failures.add(operation + ": no row; every operation needs its expected answers");
            }
        }
        Map<Caller, String> tokens = tokens(scopes);
        for (Row row : rows) {
            String[] cells = row.expected().trim().split("\\s+");
            if (cells.length != Caller.values().length) {
                failures.add(row.operation() + ": " + cells.length + " cells, expected " + Caller.values().length
                        + " (" + COLUMNS + ")");
                continue;
            }
            StringBuilder answered = new StringBuilder();
            boolean differs = false;
            for (Caller caller : Caller.values()) {
                String cell = cells[caller.ordinal()];
                HttpResponse<String> answer = call(baseUrl, row, tokens.get(caller));
                String problem = mismatch(cell, answer);
                answered.append(answered.length() == 0 ? "" : " ").append(answer.statusCode());
                if (problem != null) {
                    differs = true;
                    failures.add(row.operation() + " as " + caller + ": expected " + cell + ", " + problem);
                }
            }
            if (differs) {
                failures.add(row.operation() + " answered, in the columns' order: \"" + answered + "\"");
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " cell(s) of the access matrix differ:\n  "
                    + String.join("\n  ", failures));
        }
    }

    private static String mismatch(String cell, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String summary = "got " + status + " " + abbreviate(answer.body());
        boolean problemJson = answer.headers().firstValue("Content-Type").orElse("").contains("problem+json");
        switch (cell) {
            case "+" -> {
                return status == 401 || status == 403 || status >= 500 ? summary : null;
            }
            case "401", "403" -> {
                if (status != Integer.parseInt(cell)) {
                    return summary;
                }
                return problemJson ? null : "got " + status + " without an application/problem+json body";
            }
            default -> {
                return status == Integer.parseInt(cell) ? null : summary;
            }
        }
    }

    private static Map<Caller, String> tokens(Scopes s) {
        Duration hour = Duration.ofHours(1);
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.NONE, null);
        tokens.put(Caller.EXPIRED, DevTokens.mint("admin", null, Duration.ofMinutes(-10)));
        tokens.put(Caller.OTHER_ISSUER, DevTokens.mint("https://another-issuer.example", "admin", null, hour));
        Instant nextYear = Instant.now().plus(Duration.ofDays(365));
        tokens.put(Caller.ISSUED_IN_FUTURE, DevTokens.mint(DevTokens.ISSUER, Set.of("admin"), null, nextYear,
                nextYear.plus(hour)));
        tokens.put(Caller.CHANNEL, DevTokens.mint("channel", null, hour));
        tokens.put(Caller.HANDLER_IN, DevTokens.mint("handler", s.institution(), hour));
        tokens.put(Caller.HANDLER_OUT, DevTokens.mint("handler", s.otherInstitution(), hour));
        tokens.put(Caller.HANDLER_NO_SCOPE, DevTokens.mint("handler", null, hour));
        // One hcp_scope cannot name an institution and a region: such a token is refused wherever scope applies.
        tokens.put(Caller.HANDLER_AND_BUREAU, DevTokens.mint(DevTokens.ISSUER, Set.of("handler", "bureau"),
                s.institution(), Instant.now(), Instant.now().plus(hour)));
        tokens.put(Caller.BUREAU_IN, DevTokens.mint("bureau", s.region(), hour));
        tokens.put(Caller.BUREAU_OUT, DevTokens.mint("bureau", s.otherRegion(), hour));
        tokens.put(Caller.BUREAU_NO_SCOPE, DevTokens.mint("bureau", null, hour));
        tokens.put(Caller.AUDITOR, DevTokens.mint("auditor", null, hour));
        // A province's sync consumer: in scope its province holds the test's region, out of scope another's.
        tokens.put(Caller.SYNC_IN, DevTokens.mint("sync", s.region().substring(0, 2), hour));
        tokens.put(Caller.SYNC_OUT, DevTokens.mint("sync", s.otherRegion().substring(0, 2), hour));
        tokens.put(Caller.SYNC_NO_SCOPE, DevTokens.mint("sync", null, hour));
        tokens.put(Caller.ADMIN, DevTokens.mint("admin", null, hour));
        return tokens;
    }

    private static HttpResponse<String> call(String baseUrl, Row row, String token)
            throws IOException, InterruptedException {
        String method = row.operation().substring(0, row.operation().indexOf(' '));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + row.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json, text/html, text/csv");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (row.contentType() != null) {
            request.header("Content-Type", row.contentType());
            request.method(method, HttpRequest.BodyPublishers.ofString(row.body()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return BoundedHttp.send(CLIENT, request.build(), Duration.ofSeconds(90));
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
}
