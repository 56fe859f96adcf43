package org.hcp.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventJson;
import org.hcp.events.outcome.Text;
import org.hcp.kit.rest.ProblemException;

/** intake's public {@code GET /api/v1/calendar}: which official calendar years are loaded. */
@ApplicationScoped
public class IntakeCalendar {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI intake;

    public IntakeCalendar(@ConfigProperty(name = "hcp.console.intake-url") URI intake) {
        this.intake = intake;
    }

    public JsonNode status() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(intake.resolve("/api/v1/calendar"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("answered " + answer.statusCode());
            }
            return EventJson.mapper().readTree(answer.body());
        } catch (IOException e) {
            throw unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable();
        }
    }

    private ProblemException unreachable() {
        return new ProblemException(502, "upstream-unreachable", Text.of("console.unreachable"),
                intake + " did not answer", List.of());
    }
}
