package org.hcp.reporting.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcp.events.ChinaTime;
import org.hcp.events.DirectoryKind;
import org.hcp.events.RegionCodes;
import org.hcp.events.policy.BadReviewTag;
import org.hcp.events.policy.RankingWarning;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.reporting.domain.BottomWarnings;
import org.hcp.reporting.domain.Dimensions.Dimension;
import org.hcp.reporting.domain.Dimensions;
import org.hcp.reporting.domain.FairRanking;
import org.hcp.reporting.domain.Figures;
import org.hcp.reporting.domain.Measure;
import org.hcp.reporting.domain.TallyQuery;
import org.hcp.reporting.repository.AggregateRepository;

/** The figures (R4.1, R4.1a) by dimension (R4.2), and the tag analysis (R4.6), from the counters. */
@ApplicationScoped
public class StatisticsService {

    private final AggregateRepository aggregates;
    private final Clock clock;
    private final ReferenceData reference;

    public StatisticsService(AggregateRepository aggregates, Clock clock, ReferenceData reference) {
        this.reference = reference;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /** The same figures from {@code schema} rather than the live one (a bulletin's cut-off copy). */
    public StatisticsService readingFrom(String schema) {
        return new StatisticsService(aggregates.readingFrom(schema), clock, reference);
    }

    /** One group's figures; {@code name} is the directory's name for its key as at the end of the period (R4.2). */
    public record Group(String key, String name, Figures figures) {
    }

    /** The figures of every group, and of all groups together. */
    public record FigureTable(Figures total, List<Group> groups, int groupCount) {
    }

    public Uni<FigureTable> figures(TallyQuery query, int limit, int offset) {
        return aggregates.tally(query).flatMap(groups -> {
            Map<String, Long> all = new HashMap<>();
            groups.values().forEach(counters -> counters.forEach((m, n) -> all.merge(m, n, Long::sum)));
            List<Map.Entry<String, Map<String, Long>>> page = groups.entrySet().stream().skip(offset).limit(limit)
                    .toList();
            String kind = directoryKind(query);
            Uni<Map<String, String>> names = kind == null ? Uni.createFrom().item(Map.of())
                    : aggregates.names(kind, page.stream().map(e -> directoryCode(query, e.getKey())).toList(),
                            asOf(query));
            return names.map(n -> new FigureTable(Figures.of(all), page.stream().map(e -> new Group(e.getKey(),
                    n.get(directoryCode(query, e.getKey())), Figures.of(e.getValue()))).toList(), groups.size()));
        });
    }

    /** Names as they were at the end of the period asked for, or now (R4.2). */
    public Instant asOf(TallyQuery query) {
        return query.to() == null ? clock.instant()
                : query.to().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant().minusNanos(1);
    }

    /** R4.2: the names of {@code codes} of a directory {@code kind} as at {@code at}. */
    public Uni<Map<String, String>> names(DirectoryKind kind, List<String> codes, Instant at) {
        return aggregates.names(kind.name(), codes, at);
    }

    /** The directory kind a grouping's keys are codes of; null for periods and channels. */
    private static String directoryKind(TallyQuery q) {
        return switch (q.grouping()) {
            case REGION -> "REGION";
            case INSTITUTION -> "INSTITUTION";
            case MEMBER -> switch (q.dimension()) {
                case WINDOW -> "WINDOW";
                case STAFF -> "STAFF";
                case PLATFORM -> "PLATFORM";
                case ITEM -> "ITEM";
                default -> null;
            };
            default -> null;
        };
    }

    /** A region group's key is a prefix: 22 names 220000, 2202 names 220200 (GB/T 2260). */
    private static String directoryCode(TallyQuery q, String key) {
        return q.grouping() == TallyQuery.Grouping.REGION ? RegionCodes.divisionOf(key) : key;
    }

    /**
     * R4.6: one tag's bad reviews in the period and in the period of the same length before it.
     *
     * @param share    of the period's bad reviews, the share that carry this tag
     * @param change   count minus previousCount (month-on-month when the period is one month)
     */
    /** @param name the tag's name in the catalogue of the naming region's policy at the period's end; null if absent */
    public record TagCount(String tag, String name, long count, Double share, long previousCount, long change) {
    }

    /**
     * The bad-review tag catalogue's names (R1.6) under the policy of {@code regionCode} (a code or a roll-up prefix;
     * none: the national policy) on {@code day}.
     */
    private Map<String, String> tagNames(String regionCode, LocalDate day) {
        Map<String, String> names = new LinkedHashMap<>();
        String division = regionCode == null || regionCode.isBlank() ? null : RegionCodes.divisionOf(regionCode);
        List<BadReviewTag> catalogue = reference.rules(division,
                day.atStartOfDay(ChinaTime.ZONE).toInstant()).policy().badReviewTags();
        if (catalogue != null) {
            catalogue.forEach(t -> names.put(t.code(), t.name()));
        }
        return names;
    }

    public record TagTable(long badReviews, LocalDate previousFrom, LocalDate previousTo, List<TagCount> tags) {
    }

    /**
     * R4.6 over whole months: the most used tags, their share of bad reviews, the change from the months before, each
     * named from the catalogue of {@code namingRegion} (a code or prefix; null: the national one).
     */
    public Uni<TagTable> tags(TallyQuery query, int limit, String namingRegion) {
        long months = ChronoUnit.MONTHS.between(query.from(), query.to().plusDays(1));
        LocalDate previousFrom = query.from().minusMonths(months);
        LocalDate previousTo = query.from().minusDays(1);
        TallyQuery previous = new TallyQuery(query.dimension(), query.member(), query.regionPrefix(),
                query.institution(), previousFrom, previousTo, TallyQuery.Grouping.NONE, 0, false, true);
        Uni<Map<String, Long>> now = aggregates.tally(query.withTags()).map(StatisticsService::only);
        Uni<Map<String, Long>> before = aggregates.tally(previous).map(StatisticsService::only);
        Uni<Figures> figures = aggregates.tally(query).map(g -> Figures.of(only(g)));
        return Uni.combine().all().unis(now, before, figures).asTuple().map(t -> {
            List<TagCount> tags = new ArrayList<>();
            long bad = t.getItem3().bad();
            Map<String, String> names = tagNames(namingRegion, query.to());
            t.getItem1().forEach((measure, n) -> {
                long prev = t.getItem2().getOrDefault(measure, 0L);
                String tag = measure.substring(Measure.TAG.length());
                tags.add(new TagCount(tag, names.get(tag), n,
                        bad == 0 ? null : Math.round(n * 10_000.0 / bad) / 10_000.0, prev, n - prev));
            });
            tags.sort(Comparator.comparingLong(TagCount::count).reversed().thenComparing(TagCount::tag));
            return new TagTable(bad, previousFrom, previousTo, tags.stream().limit(limit).toList());
        });
    }

    /** R4.4 / R4.5: who is ranked (each is also a kind of the directory, which names it). */
    public enum Unit {
        /** A county-level region (GB/T 2260, 6 digits). */
        REGION, INSTITUTION, WINDOW, STAFF
    }

    /**
     * The units of {@code scope} ranked fairly over its period (whole months); all of them, best first, then those
     * with fewer than {@code minimumRatings} (R4.4, the policy's minimum sample) with rank 0.
     */
    public Uni<List<FairRanking.Ranked>> ranking(Unit unit, TallyQuery scope, int minimumRatings) {
        TallyQuery q = switch (unit) {
            case REGION -> new TallyQuery(Dimension.ITEM, null, scope.regionPrefix(), scope.institution(),
                    scope.from(), scope.to(), TallyQuery.Grouping.REGION_MEMBER, 6, false, false);
            case INSTITUTION -> scope.over(Dimension.ITEM, TallyQuery.Grouping.INSTITUTION_MEMBER);
            case WINDOW -> scope.over(Dimension.WINDOW_ITEM, TallyQuery.Grouping.MEMBER);
            case STAFF -> scope.over(Dimension.STAFF_ITEM, TallyQuery.Grouping.MEMBER);
        };
        return aggregates.tally(q).map(groups -> {
            List<FairRanking.Cell> cells = new ArrayList<>(groups.size());
            groups.forEach((key, counters) -> {
                int cut = key.lastIndexOf(Dimensions.PAIR);
                Figures f = Figures.of(counters);
                cells.add(new FairRanking.Cell(key.substring(0, cut), key.substring(cut + 1), f.ratings(),
                        f.satisfied()));
            });
            return FairRanking.rank(cells, minimumRatings);
        }).flatMap(ranked -> names(DirectoryKind.valueOf(unit.name()), ranked.stream().map(FairRanking.Ranked::unit).toList(), asOf(scope))
                .map(n -> ranked.stream().map(r -> r.withName(n.get(r.unit()))).toList()));
    }

    public record Warnings(int bottomN, int consecutiveMonths, List<LocalDate> months,
            List<BottomWarnings.Warned> warned) {
    }

    /**
     * R4.4: the units of {@code scope} at the bottom of the fair ranking in each of the policy's consecutive months
     * ending with {@code lastMonth}.
     */
    public Uni<Warnings> warnings(Unit unit, TallyQuery scope, LocalDate lastMonth, RankingWarning policy,
            int minimumRatings) {
        List<LocalDate> months = new ArrayList<>();
        List<Uni<List<FairRanking.Ranked>>> rankings = new ArrayList<>();
        for (int i = policy.consecutiveMonths() - 1; i >= 0; i--) {
            LocalDate month = lastMonth.minusMonths(i);
            months.add(month);
            rankings.add(ranking(unit, new TallyQuery(scope.dimension(), null, scope.regionPrefix(),
                    scope.institution(), month, month.plusMonths(1).minusDays(1), TallyQuery.Grouping.NONE, 0, false,
                    false), minimumRatings));
        }
        return Uni.join().all(rankings).andFailFast().map(all -> new Warnings(policy.bottomN(),
                policy.consecutiveMonths(), months, BottomWarnings.of(all, policy)));
    }

    private static Map<String, Long> only(Map<String, Map<String, Long>> groups) {
        return groups.isEmpty() ? Map.of() : groups.values().iterator().next();
    }
}
