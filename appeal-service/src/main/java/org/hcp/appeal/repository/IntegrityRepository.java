package org.hcp.appeal.repository;

import static org.hcp.kit.db.Transactions.batch;
import static org.hcp.kit.db.Transactions.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hcp.appeal.domain.IntegrityFlag;
import org.hcp.appeal.domain.ObservedRating;
import org.hcp.events.Channel;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.events.appeal.IntegrityOutcome;
import org.hcp.events.appeal.IntegrityRule;
import org.hcp.kit.outbox.Outbox;

/**
 * The integrity review's tables (R6.3): the observed ratings the rules judge, the flags they raise, and the review
 * events written with their outbox rows.
 */
@ApplicationScoped
public class IntegrityRepository {

    private static final String RATING_COLUMNS = "rating_id, case_number, region_code, institution_code, window_code, "
            + "staff_id, channel, level, evaluator, rated_at, after_completion_ms";
    private static final String FLAG_COLUMNS = "flag_id, rule, subject, day, region_code, rating_ids, "
            + "distinct_count, first_at, last_at, reviewed, last_outcome, reviews, status, pending";

    private final Pool pool;

    public IntegrityRepository(Pool pool) {
        this.pool = pool;
    }

    /** Idempotent: a rating already observed is left as it is. */
    public void observe(SqlConnection tx, List<ObservedRating> ratings) {
        batch(tx, "INSERT INTO integrity_rating (" + RATING_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                + "$10, $11) ON CONFLICT (rating_id) DO NOTHING", ratings.stream().map(r -> Tuple.tuple(Arrays.asList(
                        r.ratingId(), r.caseNumber(), r.regionCode(), r.institutionCode(), r.windowCode(), r.staffId(),
                        r.channel().name(), (short) r.level(), r.evaluator(), utc(r.ratedAt()),
                        r.afterCompletion() == null ? null : r.afterCompletion().toMillis()))).toList());
    }

    /**
     * Every observed rating that shares an evaluator or a window with {@code ratings} on the same local day: all a
     * day's subjects of theirs need to be judged whole.
     */
    public List<ObservedRating> sameDay(SqlConnection tx, Collection<ObservedRating> ratings, ZoneId zone) {
        Map<String, ObservedRating> found = new LinkedHashMap<>();
        sameDay(tx, "evaluator", ratings.stream().filter(r -> r.evaluator() != null).toList(),
                ObservedRating::evaluator, zone, found);
        sameDay(tx, "window_code", ratings.stream().filter(r -> r.windowCode() != null).toList(),
                ObservedRating::windowCode, zone, found);
        return new ArrayList<>(found.values());
    }

    private static void sameDay(SqlConnection tx, String column, List<ObservedRating> ratings,
            Function<ObservedRating, String> key, ZoneId zone, Map<String, ObservedRating> into) {
        if (ratings.isEmpty()) {
            return;
        }
        Map<String, Object[]> keyDays = new LinkedHashMap<>();
        for (ObservedRating r : ratings) {
            LocalDate day = r.ratedAt().atZone(zone).toLocalDate();
            keyDays.putIfAbsent(key.apply(r) + "|" + day, new Object[] {key.apply(r),
                    day.atStartOfDay(zone).toOffsetDateTime(), day.plusDays(1).atStartOfDay(zone).toOffsetDateTime()});
        }
        String[] keys = keyDays.values().stream().map(v -> (String) v[0]).toArray(String[]::new);
        OffsetDateTime[] from = keyDays.values().stream().map(v -> (OffsetDateTime) v[1]).toArray(OffsetDateTime[]::new);
        OffsetDateTime[] to = keyDays.values().stream().map(v -> (OffsetDateTime) v[2]).toArray(OffsetDateTime[]::new);
        for (Row row : query(tx, "SELECT " + prefixed("r.", RATING_COLUMNS) + " FROM unnest($1::text[], "
                + "$2::timestamptz[], $3::timestamptz[]) AS q(k, f, t) JOIN integrity_rating r ON r." + column
                + " = q.k AND r.rated_at >= q.f AND r.rated_at < q.t", Tuple.of(keys, from, to))) {
            ObservedRating r = observed(row);
            into.putIfAbsent(r.ratingId(), r);
        }
    }

    /** The flags with these ids, locked (a review and the projection wait for each other). */
    public Map<String, IntegrityFlag> lockFlags(SqlConnection tx, Collection<String> flagIds) {
        Map<String, IntegrityFlag> flags = new HashMap<>();
        if (flagIds.isEmpty()) {
            return flags;
        }
        for (Row row : query(tx, "SELECT " + FLAG_COLUMNS + " FROM integrity_flag WHERE flag_id = ANY($1) "
                + "ORDER BY flag_id FOR UPDATE", Tuple.of(flagIds.toArray(String[]::new)))) {
            IntegrityFlag f = flag(row);
            flags.put(f.flagId(), f);
        }
        return flags;
    }

    /** One flag within a region prefix (null: any), locked. */
    public Optional<IntegrityFlag> lockFlag(SqlConnection tx, String flagId, String regionPrefix) {
        return query(tx, "SELECT " + FLAG_COLUMNS + " FROM integrity_flag WHERE flag_id = $1 AND ($2::text IS NULL "
                + "OR region_code LIKE $2 || '%') FOR UPDATE", Tuple.of(flagId, regionPrefix)).stream().findFirst()
                .map(IntegrityRepository::flag);
    }

    public void saveFlags(SqlConnection tx, Collection<IntegrityFlag> flags) {
        batch(tx, "INSERT INTO integrity_flag (" + FLAG_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                + "$11, $12, $13, $14) ON CONFLICT (flag_id) DO UPDATE SET region_code = EXCLUDED.region_code, "
                + "rating_ids = EXCLUDED.rating_ids, distinct_count = EXCLUDED.distinct_count, first_at = "
                + "EXCLUDED.first_at, last_at = EXCLUDED.last_at, reviewed = EXCLUDED.reviewed, last_outcome = "
                + "EXCLUDED.last_outcome, reviews = EXCLUDED.reviews, status = EXCLUDED.status, pending = "
                + "EXCLUDED.pending", flags.stream().map(IntegrityRepository::tuple).toList());
    }

    /** Observed ratings by id (a RatingNotAdopted names the rating's case and region). */
    public Map<String, ObservedRating> observed(SqlConnection tx, Collection<String> ratingIds) {
        Map<String, ObservedRating> found = new HashMap<>();
        query(tx, "SELECT " + RATING_COLUMNS + " FROM integrity_rating WHERE rating_id = ANY($1)",
                Tuple.of(ratingIds.toArray(String[]::new))).forEach(r -> found.put(r.getString("rating_id"),
                        observed(r)));
        return found;
    }

    /** Records a review's events (in the flag's history and the outbox) and the flag as they leave it. */
    public void recordReview(SqlConnection tx, IntegrityFlag after, List<EventEnvelope<EventPayload>> events) {
        int seq = query(tx, "SELECT count(*) AS n FROM integrity_review WHERE flag_id = $1",
                Tuple.of(after.flagId())).get(0).getLong("n").intValue();
        List<Tuple> rows = new ArrayList<>();
        for (EventEnvelope<EventPayload> event : events) {
            rows.add(Tuple.of(after.flagId(), seq++, event.eventId(), EventJson.write(event)));
            Outbox.append(tx, Topics.APPEALS, event);
        }
        batch(tx, "INSERT INTO integrity_review (flag_id, seq, event_id, envelope) VALUES ($1, $2, $3, $4)", rows);
        saveFlags(tx, List.of(after));
    }

    /** The review queue within a region prefix (null: any), by status and rule, earliest first. */
    public Uni<List<IntegrityFlag>> list(String regionPrefix, String status, IntegrityRule rule, int offset,
            int limit) {
        return pool.preparedQuery("SELECT " + FLAG_COLUMNS + " FROM integrity_flag WHERE ($1::text IS NULL OR "
                        + "region_code LIKE $1 || '%') AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR "
                        + "rule = $3) ORDER BY first_at, flag_id LIMIT $4 OFFSET $5")
                .execute(Tuple.tuple(Arrays.asList(regionPrefix, status, rule == null ? null : rule.name(), limit,
                        offset)))
                .map(rows -> {
                    List<IntegrityFlag> flags = new ArrayList<>();
                    rows.forEach(r -> flags.add(flag(r)));
                    return flags;
                });
    }

    /**
     * One flag within a region prefix (null: any) with its evidence ratings and review history. Sequential reads on
     * a worker thread, like the appeal case file: a bureau opens a flag now and then.
     */
    public Optional<FlagFile> file(String flagId, String regionPrefix) {
        Optional<IntegrityFlag> found = query(pool, "SELECT " + FLAG_COLUMNS + " FROM integrity_flag WHERE flag_id = "
                + "$1 AND ($2::text IS NULL OR region_code LIKE $2 || '%')", Tuple.of(flagId, regionPrefix)).stream()
                .findFirst().map(IntegrityRepository::flag);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IntegrityFlag flag = found.get();
        List<Evidence> evidence = query(pool, "SELECT " + RATING_COLUMNS + " FROM integrity_rating WHERE rating_id = "
                + "ANY($1) ORDER BY rated_at, rating_id", Tuple.of(flag.ratingIds().toArray(String[]::new))).stream()
                .map(r -> Evidence.of(observed(r))).toList();
        List<AppealRepository.Recorded> reviews = query(pool, "SELECT envelope FROM integrity_review WHERE flag_id = "
                + "$1 ORDER BY seq", Tuple.of(flagId)).stream().map(row -> {
                    var e = EventJson.read(row.getString("envelope"));
                    return new AppealRepository.Recorded(e.type(), e.recordedAt(), e.payload());
                }).toList();
        return Optional.of(new FlagFile(flag, flag.status(), flag.pending(), evidence, reviews));
    }

    /** A flagged rating as the bureau sees it: where, when, what level, how soon after completion. No evaluator. */
    public record Evidence(String ratingId, String caseNumber, String institutionCode, String windowCode,
            String staffId, Channel channel, int level, Instant ratedAt, Long secondsAfterCompletion) {

        static Evidence of(ObservedRating r) {
            return new Evidence(r.ratingId(), r.caseNumber(), r.institutionCode(), r.windowCode(), r.staffId(),
                    r.channel(), r.level(), r.ratedAt(), r.afterCompletion() == null ? null
                            : r.afterCompletion().toSeconds());
        }
    }

    /** A flag with its evidence and its reviews, in order. */
    public record FlagFile(IntegrityFlag flag, String status, List<String> pending, List<Evidence> evidence,
            List<AppealRepository.Recorded> reviews) {
    }

    private static ObservedRating observed(Row r) {
        Long afterMs = r.getLong("after_completion_ms");
        return new ObservedRating(r.getString("rating_id"), r.getString("case_number"), r.getString("region_code"),
                r.getString("institution_code"), r.getString("window_code"), r.getString("staff_id"),
                Channel.valueOf(r.getString("channel")), r.getShort("level"), r.getString("evaluator"),
                r.getOffsetDateTime("rated_at").toInstant(), afterMs == null ? null : Duration.ofMillis(afterMs));
    }

    private static IntegrityFlag flag(Row r) {
        String outcome = r.getString("last_outcome");
        return new IntegrityFlag(r.getString("flag_id"), IntegrityRule.valueOf(r.getString("rule")),
                r.getString("subject"), r.getLocalDate("day"), r.getString("region_code"),
                Arrays.asList(r.getArrayOfStrings("rating_ids")), r.getInteger("distinct_count"),
                r.getOffsetDateTime("first_at").toInstant(), r.getOffsetDateTime("last_at").toInstant(),
                Set.of(r.getArrayOfStrings("reviewed")), outcome == null ? null : IntegrityOutcome.valueOf(outcome),
                r.getInteger("reviews"));
    }

    private static Tuple tuple(IntegrityFlag f) {
        return Tuple.tuple(Arrays.asList(f.flagId(), f.rule().name(), f.subject(), f.day(), f.regionCode(),
                f.ratingIds().toArray(String[]::new), f.distinct(), utc(f.firstAt()), utc(f.lastAt()),
                f.reviewed().stream().sorted().toArray(String[]::new),
                f.lastOutcome() == null ? null : f.lastOutcome().name(), f.reviews(), f.status(), f.pending().size()));
    }

    private static String prefixed(String alias, String columns) {
        return alias + columns.replace(", ", ", " + alias);
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
