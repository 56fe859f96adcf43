package org.hcp.sync.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.events.FollowUpRated;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.kit.messaging.KafkaClients;
import org.hcp.sync.province.ProvinceProfile;
import org.hcp.sync.province.ProvinceProfiles;
import org.hcp.sync.province.ProvinceRecords;
import org.jboss.logging.Logger;

/**
 * The province feed (R5.2, docs/sync.md), read straight from the log: the cursor is a position in each partition of
 * {@code hcp.ratings} and {@code hcp.appeals}, so it survives any rebuild of any table, and a page from the same
 * cursor is the same page. Ratings come first, each preceded by its case (R5.5); a decision that a rating is not
 * adopted, or is again, comes after every rating the log held when it was read, so after its own rating.
 */
@ApplicationScoped
public class SyncFeed {

    /** One record of the feed: {@code case}, {@code evaluate} or {@code status}, and where in the log it comes from. */
    public record Item(String kind, String position, Map<String, Object> record) {
    }

    /**
     * @param next      the cursor to pass for the next page
     * @param caughtUp  true when the page reached the end of the log as it was when read
     */
    public record Page(List<Item> items, String next, boolean caughtUp) {
    }

    /** A cursor this feed did not give out. */
    public static final class BadCursor extends RuntimeException {
        BadCursor() {
            super("not a cursor of this feed");
        }
    }

    private static final Logger LOG = Logger.getLogger(SyncFeed.class);
    /** The topics a cursor may name; hcp.cases only for a profile that sends follow-up ratings (追评). */
    private static final List<String> TOPICS = List.of(Topics.RATINGS, Topics.APPEALS, Topics.CASES);
    private static final String VERSION = "v1";
    private static final Duration MAX_READ = Duration.ofSeconds(10);

    private final KafkaClients clients;
    private final ProvinceProfile profile;

    public SyncFeed(KafkaClients clients, @ConfigProperty(name = "hcp.sync.profile") String profile) {
        this.clients = clients;
        this.profile = ProvinceProfiles.get(profile);
    }

    public ProvinceProfile profile() {
        return profile;
    }

    /** Up to {@code limit} records after {@code cursor} (null: from the start) of ratings within {@code province}. */
    public Page page(String cursor, int limit, String province) {
        Map<TopicPartition, Long> from = decode(cursor);
        List<Item> items = new ArrayList<>();
        // A page answers within its time even when Kafka is slow: what it read so far, not caught up.
        long deadline = System.nanoTime() + MAX_READ.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = clients.rawConsumer("sync-feed", Math.min(limit, 2000))) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<String> topics = profile.followUpRating() == null ? List.of(Topics.RATINGS, Topics.APPEALS)
                    : TOPICS;
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .sorted(Comparator.comparingInt(TopicPartition::partition))
                        .forEach(partitions::add);
            }
            // The decisions' end first: every rating a decision read names was in the log before it, so inside the
            // ratings' end taken after it.
            Map<TopicPartition, Long> ends = new LinkedHashMap<>();
            // A follow-up rating follows its rating's rectification, long after the rating: the cases' end last.
            for (String topic : List.of(Topics.APPEALS, Topics.RATINGS, Topics.CASES)) {
                ends.putAll(consumer.endOffsets(partitions.stream().filter(tp -> tp.topic().equals(topic)).toList()));
            }
            Map<TopicPartition, Long> positions = new LinkedHashMap<>();
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            for (TopicPartition tp : partitions) {
                positions.put(tp, Math.max(from.getOrDefault(tp, 0L), starts.get(tp)));
            }
            for (TopicPartition tp : partitions) {
                if (items.size() >= limit) {
                    break;
                }
                long end = ends.get(tp);
                consumer.assign(List.of(tp));
                consumer.seek(tp, positions.get(tp));
                while (positions.get(tp) < end && items.size() < limit && System.nanoTime() < deadline) {
                    boolean stopped = false;
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() >= end) {
                            positions.put(tp, end);
                            stopped = true;
                            break;
                        }
                        if (items.size() >= limit) {
                            stopped = true;
                            break;
                        }
                        add(record, province, items);
                        positions.put(tp, record.offset() + 1);
                    }
                    if (!stopped) {
                        // Past transaction markers too, which are offsets without a record.
                        positions.put(tp, Math.max(positions.get(tp), Math.min(consumer.position(tp), end)));
                    }
                }
            }
            boolean caughtUp = partitions.stream().allMatch(tp -> positions.get(tp) >= ends.get(tp));
            return new Page(items, encode(positions), caughtUp);
        }
    }

    /** Adds what one record means to the province (nothing when it is another province's or not for it). */
    private void add(ConsumerRecord<byte[], byte[]> record, String province, List<Item> items) {
        EventEnvelope<EventPayload> event;
        try {
            event = EventJson.read(new String(record.value(), StandardCharsets.UTF_8));
        } catch (RuntimeException unreadable) {
            // Not an event this platform can read: the projections sent it to the dead-letter topic with the reason;
            // a province cannot be sent what we cannot read either. Its place alone is logged, never its content.
            LOG.warnf("sync feed skips the unreadable record %s/%d/%d", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (province != null && (event.region() == null || !event.region().startsWith(province))) {
            return;
        }
        String position = record.topic() + "/" + record.partition() + "/" + record.offset();
        if (event.payload() instanceof RatingSubmitted rating) {
            // R5.5: the case is registered before its rating; both of one record stay on one page, even past limit.
            items.add(new Item("case", position, ProvinceRecords.caseOf(rating)));
            items.add(new Item("evaluate", position, ProvinceRecords.rating(rating, profile)));
        } else if (event.payload() instanceof RatingNotAdopted decision) {
            items.add(new Item("status", position, ProvinceRecords.statusChange(decision.ratingId(), false,
                    decision.decidedAt(), profile)));
        } else if (event.payload() instanceof FollowUpRated followUp && profile.followUpRating() != null) {
            items.add(new Item("evaluate", position, ProvinceRecords.followUp(followUp, profile)));
        } else if (event.payload() instanceof RatingReinstated decision) {
            items.add(new Item("status", position, ProvinceRecords.statusChange(decision.ratingId(), true,
                    decision.decidedAt(), profile)));
        }
    }

    static String encode(Map<TopicPartition, Long> positions) {
        StringBuilder text = new StringBuilder(VERSION);
        positions.forEach((tp, offset) -> text.append(';').append(tp.topic()).append('/').append(tp.partition())
                .append('=').append(offset));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<TopicPartition, Long> decode(String cursor) {
        Map<TopicPartition, Long> positions = new LinkedHashMap<>();
        if (cursor == null || cursor.isBlank()) {
            return positions;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(";");
            if (!parts[0].equals(VERSION)) {
                throw new BadCursor();
            }
            for (int i = 1; i < parts.length; i++) {
                int slash = parts[i].lastIndexOf('/');
                int equals = parts[i].indexOf('=', slash);
                String topic = parts[i].substring(0, slash);
                if (!TOPICS.contains(topic)) {
                    throw new BadCursor();
                }
                long offset = Long.parseLong(parts[i].substring(equals + 1));
                if (offset < 0) {
                    throw new BadCursor();
                }
                positions.put(new TopicPartition(topic, Integer.parseInt(parts[i].substring(slash + 1, equals))),
                        offset);
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new BadCursor();
        }
        return positions;
    }
}
