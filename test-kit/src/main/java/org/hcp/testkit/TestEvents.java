package org.hcp.testkit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hcp.events.Channel;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.localstack.LocalStack;

/** For tests that feed a consumer directly: well-formed events, published through the real broker. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A RatingSubmitted as intake would publish it; a bad review carries a tag (R1.3). */
    public static EventEnvelope<RatingSubmitted> rating(String region, String institution, int level, Instant ratedAt) {
        return rating(region, institution, null, null, level, ratedAt);
    }

    /** A rating at a window, of a staff member (either may be null). */
    public static EventEnvelope<RatingSubmitted> rating(String region, String institution, String window, String staff,
            int level, Instant ratedAt) {
        String ratingId = UUID.randomUUID().toString();
        RatingSubmitted payload = new RatingSubmitted(ratingId, "C-" + ratingId.substring(0, 8), null, "ITEM-1",
                institution, window, staff, null, region, Channel.WEBSITE, Channel.WEBSITE.nationalPf(), level,
                level <= 2 ? List.of("SLOW") : List.of(), null, null, null, null, RatingOrigin.EVALUATOR, 1, ratedAt,
                null, null, null, null, null, null);
        return EventEnvelope.of(payload, ratingId, region, ratedAt, Instant.now(), null, null, "test");
    }

    public static void publish(EventEnvelope<RatingSubmitted> event) {
        publish(Topics.RATINGS, event);
    }

    /** Many events through one producer, in order; returns once the broker has acknowledged them all. */
    public static void publishAll(String topic, List<? extends EventEnvelope<?>> events) {
        TopicProbe.sendAll(LocalStack.shared().kafka().bootstrapServers(), topic, events.stream()
                .map(e -> java.util.Map.entry(e.key(), EventJson.write(e))).toList());
    }

    /** Any event, on the topic its producer would use, keyed as its envelope says. */
    public static void publish(String topic, EventEnvelope<?> event) {
        TopicProbe.send(LocalStack.shared().kafka().bootstrapServers(), topic, event.key(), EventJson.write(event));
    }
}
