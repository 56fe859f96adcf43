package org.hcp.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hcp.audit.AuditFold.Query;
import org.hcp.events.RegionCodes;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.events.bulletin.BulletinScope;

/**
 * A published bulletin checked against the log (R4.3, R5.3; docs/audit.md): its figures recomputed as of its
 * publication must be the same, and where they differ now, the events recorded since say why.
 */
public final class BulletinAudits {

    private BulletinAudits() {
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
     * @param causes      the events recorded after the publication that changed its scope and month
     */
    public record BulletinAudit(String bulletinId, Instant publishedAt, int compared, List<Difference> asPublished,
            List<Difference> errata, List<String> causes) {
    }

    /**
     * Every bulletin given, each against the log as of its publication: {@code foldAsOf} is called once per
     * publication instant (a month's bulletins go out together) and once with null for the log as it is now.
     */
    public static List<BulletinAudit> auditAll(List<BulletinPublished> bulletins,
            java.util.function.Function<Instant, AuditFold> foldAsOf) {
        Map<Instant, List<BulletinPublished>> byInstant = new TreeMap<>();
        bulletins.forEach(b -> byInstant.computeIfAbsent(b.publishedAt(), k -> new ArrayList<>()).add(b));
        List<BulletinAudit> audits = new ArrayList<>();
        if (bulletins.isEmpty()) {
            return audits;
        }
        AuditFold now = foldAsOf.apply(null);
        for (Map.Entry<Instant, List<BulletinPublished>> entry : byInstant.entrySet()) {
            AuditFold then = foldAsOf.apply(entry.getKey());
            entry.getValue().forEach(b -> audits.add(audit(b, then, now)));
        }
        return audits;
    }

    /** @param then the log folded as of the bulletin's publication; @param now the whole log folded */
    public static BulletinAudit audit(BulletinPublished b, AuditFold then, AuditFold now) {
        Query scope = scopeOf(b);
        Map<String, Object> recomputedThen = then.figures(scope).getOrDefault("", Map.of());
        Map<String, Object> recomputedNow = now.figures(scope).getOrDefault("", Map.of());
        List<Difference> asPublished = new ArrayList<>();
        List<Difference> errata = new ArrayList<>();
        int compared = compare("", b.figures(), recomputedThen, recomputedNow, asPublished, errata);
        // Issue 30: the comparisons and a city's districts are figures of the log as of the same cut-off; they are
        // recomputed as such, and an erratum of theirs is one of the bulletin's.
        YearMonth month = YearMonth.parse(b.month());
        compared += compareOther("previousMonth.", b.previousMonth(), scopeOf(b, month.minusMonths(1)), then, now,
                asPublished, errata);
        compared += compareOther("sameMonthLastYear.", b.sameMonthLastYear(), scopeOf(b, month.minusYears(1)), then,
                now, asPublished, errata);
        if (b.districts() != null) {
            for (BulletinPublished.AreaFigures d : b.districts()) {
                Query district = new Query(d.code(), null, null, null, month.atDay(1), month.atEndOfMonth(), null, 0);
                compared += compareOther("districts." + d.code() + ".", d.figures(), district, then, now, asPublished,
                        errata);
            }
        }
        List<String> causes = errata.isEmpty() ? List.of() : now.changesAfter(scope, b.publishedAt());
        return new BulletinAudit(b.bulletinId(), b.publishedAt(), compared, asPublished, errata, causes);
    }

    private static int compareOther(String prefix, Map<String, Number> published, Query q, AuditFold then,
            AuditFold now, List<Difference> asPublished, List<Difference> errata) {
        if (published == null) {
            return 0;
        }
        return compare(prefix, published, then.figures(q).getOrDefault("", Map.of()),
                now.figures(q).getOrDefault("", Map.of()), asPublished, errata);
    }

    /** Each published figure against the fold as of the publication and now; answers how many were compared. */
    private static int compare(String prefix, Map<String, Number> published, Map<String, Object> recomputedThen,
            Map<String, Object> recomputedNow, List<Difference> asPublished, List<Difference> errata) {
        int compared = 0;
        for (Map.Entry<String, Number> figure : new TreeMap<>(published).entrySet()) {
            if (!recomputedThen.containsKey(figure.getKey())) {
                continue;   // a figure the fold does not recompute (docs/audit.md says which)
            }
            compared++;
            String name = prefix + figure.getKey();
            if (!same(figure.getValue(), recomputedThen.get(figure.getKey()))) {
                asPublished.add(new Difference(name, figure.getValue(), recomputedThen.get(figure.getKey())));
            }
            if (!same(figure.getValue(), recomputedNow.get(figure.getKey()))) {
                errata.add(new Difference(name, figure.getValue(), recomputedNow.get(figure.getKey())));
            }
        }
        return compared;
    }

    /** The bulletin's scope and month as a query of the fold. */
    public static Query scopeOf(BulletinPublished b) {
        return scopeOf(b, YearMonth.parse(b.month()));
    }

    /** The bulletin's scope in {@code month}; a region's by its roll-up prefix (a city's 220200 is 2202). */
    static Query scopeOf(BulletinPublished b, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        return b.scope() == BulletinScope.INSTITUTION
                ? new Query(null, b.scopeCode(), null, null, from, to, null, 0)
                : new Query(RegionCodes.prefixOf(b.scopeCode()), null, null, null, from, to, null, 0);
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
        return java.time.OffsetDateTime.parse(t).toInstant();
    }
}
