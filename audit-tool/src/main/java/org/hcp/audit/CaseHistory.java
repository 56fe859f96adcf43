package org.hcp.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hcp.events.EventJson;
import org.hcp.events.Topics;

/**
 * Every event of one case, in the order they were recorded (docs/audit.md, "Figures as of an instant, bulletins, a
 * case's history"): its completion and reminders, its ratings (a default one too), their rectifications step by step,
 * appeals and decisions. Without the evaluator (R6.1): the pseudonym and the rating's own words are left out of what
 * is shown.
 */
public final class CaseHistory {

    /** Fields that would say who rated, or in their own words: never shown to the auditor. */
    static final Set<String> WITHHELD = Set.of("evaluatorPseudonym", "text");

    /** One event of the case: where it is in the log, what it is, and its payload without the evaluator. */
    public record Entry(String recordedAt, String type, String position, String eventId, JsonNode payload) {
    }

    /** The topics of the first pass (the case, its ratings), then of the second (what was said about them). */
    public static final List<String> FIRST_PASS = List.of(Topics.CASES, Topics.RATINGS);
    public static final List<String> SECOND_PASS = List.of(Topics.RECTIFICATIONS, Topics.APPEALS);

    private final String caseNumber;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> ratingIds = new HashSet<>();
    private final Set<String> rectificationIds = new HashSet<>();

    public CaseHistory(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    /** A record of {@link #FIRST_PASS}'s topics: the case and its ratings, whose ids the second pass follows. */
    public void first(String topic, int partition, long offset, String value) {
        JsonNode event = tree(value);
        if (event != null && caseNumber.equals(event.path("payload").path("caseNumber").asText(null))) {
            String ratingId = event.path("payload").path("ratingId").asText("");
            if (!ratingId.isEmpty()) {
                ratingIds.add(ratingId);
            }
            entries.add(entry(topic, partition, offset, event));
        }
    }

    /** A record of {@link #SECOND_PASS}'s topics, in partition order: a rectification's steps follow its opening. */
    public void second(String topic, int partition, long offset, String value) {
        JsonNode event = tree(value);
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
        for (JsonNode number : p.path("caseNumbers")) {
            ours |= caseNumber.equals(number.asText());
        }
        if (ours) {
            if (p.hasNonNull("rectificationId")) {
                rectificationIds.add(p.path("rectificationId").asText());
            }
            entries.add(entry(topic, partition, offset, event));
        }
    }

    /** The case's events in the order recorded. */
    public List<Entry> entries() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::recordedAt).thenComparing(Entry::position));
        return sorted;
    }

    private static JsonNode tree(String value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static Entry entry(String topic, int partition, long offset, JsonNode event) {
        ObjectNode payload = event.path("payload").deepCopy();
        WITHHELD.forEach(payload::remove);
        return new Entry(event.path("recordedAt").asText(), event.path("type").asText(),
                topic + "/" + partition + "/" + offset, event.path("eventId").asText(),
                payload);
    }
}
