package org.hcp.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hcp.events.EventJson;

/**
 * The JDK client's request timeout ends when the response's headers arrive: a body that stalls after them is waited
 * for until the server drops the connection at its idle timeout, 30 minutes in Quarkus. A CI run once spent 29 of
 * them there on one OpenAPI document. Here the whole exchange is bounded, so a stall fails a test within a minute,
 * saying what stalled.
 */
final class BoundedHttp {

    private static final int DOCUMENT_ATTEMPTS = 3;

    private BoundedHttp() {
    }

    /** Sends and reads the whole answer within {@code whole}; past it, an {@link HttpTimeoutException}. */
    static HttpResponse<String> send(HttpClient client, HttpRequest request, Duration whole)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(whole.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no whole answer to " + request.method() + " " + request.uri() + " within "
                    + whole);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * The service's OpenAPI document, from its management interface. It is what the test reads, not what it tests:
     * a connection dropped while reading it is tried again (twice) rather than failing the test on the harness.
     */
    static JsonNode openApi(HttpClient client, String managementUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).build();
        IOException last = null;
        for (int attempt = 1; attempt <= DOCUMENT_ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> answer = send(client, request, Duration.ofSeconds(45));
                if (answer.statusCode() != 200) {
                    throw new IOException("the OpenAPI document answered " + answer.statusCode());
                }
                return EventJson.mapper().readTree(answer.body());
            } catch (IOException e) {
                last = e;
                System.out.printf("OpenAPI document, attempt %d of %d: %s%n", attempt, DOCUMENT_ATTEMPTS, e);
            }
        }
        throw last;
    }
}
