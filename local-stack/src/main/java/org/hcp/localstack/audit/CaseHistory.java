package org.hcp.localstack.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hcp.events.EventJson;
import org.hcp.events.Topics;
import org.hcp.localstack.TopicProbe;

/**
 * Every event of one case, in the order they were recorded (docs/audit.md, "A case's history"): its completion and
 * reminders, its ratings (a default one too), their rectifications step by step, appeals and decisions. Without the
 * evaluator (R6.1): the pseudonym and the rating's own words are left out of what is shown.
 */
public final class CaseHistory {

    /** Fields that would say who rated, or in their own words: never shown to the auditor. */
    static final Set<String> WITHHELD = Set.of("evaluatorPseudonym", "text");

    /** One event of the case: where it is in the log, what it is, and its payload without the evaluator. */
    public record Entry(String recordedAt, String type, String position, String eventId, JsonNode payload) {
    }

    private CaseHistory() {
    }

    public static List<Entry> of(String bootstrapServers, String caseNumber) {
        List<Entry> entries = new ArrayList<>();
        Set<String> ratingIds = new HashSet<>();
        Set<String> rectificationIds = new HashSet<>();
        Duration timeout = Duration.ofMinutes(30);
        // Ratings and the case first, to know the rating ids; then what other services said about them.
        TopicProbe.forEach(bootstrapServers, List.of(Topics.CASES, Topics.RATINGS), timeout, record -> {
            JsonNode event = tree(record);
            if (event != null && caseNumber.equals(event.path("payload").path("caseNumber").asText(null))) {
                ratingIds.add(event.path("payload").path("ratingId").asText(""));
                entries.add(entry(record, event));
            }
        });
        ratingIds.remove("");
        TopicProbe.forEach(bootstrapServers, List.of(Topics.RECTIFICATIONS, Topics.APPEALS), timeout, record -> {
            JsonNode event = tree(record);
            if (event == null) {
                return;
            }
            JsonNode p = event.path("payload");
            boolean ours = caseNumber.equals(p.path("caseNumber").asText(null))
                    || ratingIds.contains(p.path("ratingId").asText(""))
                    || rectificationIds.contains(p.path("rectificationId").asText(""));
            for (JsonNode id : p.path("ratingIds")) {
                ours |= ratingIds.contains(id.asText());
            }
            if (ours) {
                if (p.hasNonNull("rectificationId")) {
                    rectificationIds.add(p.path("rectificationId").asText());
                }
                entries.add(entry(record, event));
            }
        });
        entries.sort(Comparator.comparing(Entry::recordedAt).thenComparing(Entry::position));
        return entries;
    }

    private static JsonNode tree(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static Entry entry(ConsumerRecord<String, String> record, JsonNode event) {
        ObjectNode payload = event.path("payload").deepCopy();
        WITHHELD.forEach(payload::remove);
        return new Entry(event.path("recordedAt").asText(), event.path("type").asText(),
                record.topic() + "/" + record.partition() + "/" + record.offset(), event.path("eventId").asText(),
                payload);
    }
}
