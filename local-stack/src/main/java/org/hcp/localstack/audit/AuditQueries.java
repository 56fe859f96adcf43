package org.hcp.localstack.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hcp.events.EventJson;
import org.hcp.events.Topics;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.events.bulletin.BulletinScope;
import org.hcp.localstack.TopicProbe;
import org.hcp.localstack.audit.AuditFold.Query;

/**
 * The auditor's recomputations (R5.3, docs/audit.md), read from the log alone with {@link AuditFold}: the figures as
 * they stood at an instant, and each published bulletin recomputed as of its publication, with what changed since
 * and the events that changed it.
 */
public final class AuditQueries {

    /** The topics the figures come from (docs/figures.md). */
    static final List<String> FIGURE_TOPICS = List.of(Topics.RATINGS, Topics.CASES, Topics.RECTIFICATIONS,
            Topics.APPEALS);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(30);

    private final String bootstrapServers;

    public AuditQueries(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The log folded as it stood at {@code asOf} (null: everything it holds now). */
    public AuditFold foldAsOf(Instant asOf) {
        AuditFold fold = new AuditFold(asOf);
        TopicProbe.forEach(bootstrapServers, FIGURE_TOPICS, READ_TIMEOUT, fold::accept);
        return fold;
    }

    /** One figure that differs: as the bulletin published it, and as recomputed. */
    public record Difference(String figure, Number published, Object recomputed) {
        @Override
        public String toString() {
            return figure + " " + published + " → " + recomputed;
        }
    }

    /**
     * A bulletin audited.
     *
     * @param asPublished figures where the log as of the publication disagrees with the bulletin (empty: reproduced)
     * @param compared    how many of the bulletin's figures were recomputed and compared
     * @param errata      figures that differ now, as the erratum shows them
     * @param causes      the events received after the publication that changed its scope and month
     */
    public record BulletinAudit(String bulletinId, Instant publishedAt, int compared, List<Difference> asPublished,
            List<Difference> errata, List<String> causes) {
    }

    /** Every published bulletin of {@code month} (null: all), within {@code regionPrefix} (null: all). */
    public List<BulletinAudit> bulletins(String month, String regionPrefix) {
        List<BulletinPublished> bulletins = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicProbe.readAll(bootstrapServers, Topics.BULLETINS)) {
            BulletinPublished b = EventJson.read(record.value(), BulletinPublished.class).payload();
            if ((month == null || month.equals(b.month()))
                    && (regionPrefix == null || b.regionCode().startsWith(regionPrefix))) {
                bulletins.add(b);
            }
        }
        // One pass over the log per publication instant: a month's bulletins go out together.
        Map<Instant, List<BulletinPublished>> byInstant = new TreeMap<>();
        bulletins.forEach(b -> byInstant.computeIfAbsent(b.publishedAt(), k -> new ArrayList<>()).add(b));
        AuditFold now = bulletins.isEmpty() ? null : foldAsOf(null);
        List<BulletinAudit> audits = new ArrayList<>();
        for (Map.Entry<Instant, List<BulletinPublished>> entry : byInstant.entrySet()) {
            AuditFold then = foldAsOf(entry.getKey());
            for (BulletinPublished b : entry.getValue()) {
                Query scope = scopeOf(b);
                Map<String, Object> recomputedThen = then.figures(scope).getOrDefault("", Map.of());
                Map<String, Object> recomputedNow = now.figures(scope).getOrDefault("", Map.of());
                int compared = 0;
                List<Difference> asPublished = new ArrayList<>();
                List<Difference> errata = new ArrayList<>();
                for (Map.Entry<String, Number> figure : new TreeMap<>(b.figures()).entrySet()) {
                    if (!recomputedThen.containsKey(figure.getKey())) {
                        continue;   // a figure the fold does not recompute (docs/audit.md says which)
                    }
                    compared++;
                    if (!same(figure.getValue(), recomputedThen.get(figure.getKey()))) {
                        asPublished.add(new Difference(figure.getKey(), figure.getValue(),
                                recomputedThen.get(figure.getKey())));
                    }
                    if (!same(figure.getValue(), recomputedNow.get(figure.getKey()))) {
                        errata.add(new Difference(figure.getKey(), figure.getValue(),
                                recomputedNow.get(figure.getKey())));
                    }
                }
                List<String> causes = errata.isEmpty() ? List.of() : now.changesAfter(scope, b.publishedAt());
                audits.add(new BulletinAudit(b.bulletinId(), b.publishedAt(), compared, asPublished, errata, causes));
            }
        }
        return audits;
    }

    static Query scopeOf(BulletinPublished b) {
        YearMonth month = YearMonth.parse(b.month());
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        return b.scope() == BulletinScope.INSTITUTION
                ? new Query(null, b.scopeCode(), null, null, from, to, null, 0)
                : new Query(b.scopeCode(), null, null, null, from, to, null, 0);
    }

    private static boolean same(Number published, Object recomputed) {
        if (published == null || recomputed == null) {
            return published == null && recomputed == null;
        }
        return Math.abs(published.doubleValue() - ((Number) recomputed).doubleValue()) < 1e-9;
    }

    /**
     * An instant as auditors write it: ISO-8601 with an offset, where {@code 24:00} means the end of that day
     * ({@code 2025-10-31T24:00+08:00}).
     */
    public static Instant parseInstant(String text) {
        String t = text.strip();
        int at = t.indexOf("T24:00");
        if (at > 0) {
            LocalDate day = LocalDate.parse(t.substring(0, at)).plusDays(1);
            t = day + "T00:00" + t.substring(at + "T24:00".length());
        }
        return OffsetDateTime.parse(t).toInstant();
    }

    /** The figures of a query as they stood at {@code asOf}, by group ("" for no grouping). */
    public static Map<String, Map<String, Object>> figures(AuditFold fold, Query query) {
        return new LinkedHashMap<>(fold.figures(query));
    }
}
