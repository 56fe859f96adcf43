package org.hcp.reporting.service;

import static org.hcp.kit.db.Transactions.await;
import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hcp.events.ChinaTime;
import org.hcp.events.DirectoryKind;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.RegionCodes;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.events.bulletin.BulletinScope;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.kit.outbox.OutboxRelay;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.reporting.domain.Bulletins;
import org.hcp.reporting.domain.Dimensions.Dimension;
import org.hcp.reporting.domain.FairRanking;
import org.hcp.reporting.domain.Figures;
import org.hcp.reporting.domain.TallyQuery;
import org.hcp.reporting.repository.AggregateRepository;
import org.hcp.reporting.repository.BulletinCopyRepository;
import org.hcp.reporting.repository.BulletinRepository;
import org.hcp.reporting.repository.StatisticsRepository;
import org.jboss.logging.Logger;

/**
 * R4.3: monthly bulletins per county-level region and per institution, published once and frozen; their errata are
 * what changed in the month since. Blocking: called from worker threads (the scheduler, blocking endpoints).
 */
@ApplicationScoped
public class BulletinService {

    public static final String PRODUCER = "reporting-service";
    private static final Logger LOG = Logger.getLogger(BulletinService.class);
    private static final int TOP_TAGS = 5;

    private final Pool pool;
    private final StatisticsService statistics;
    private final AggregateRepository aggregates;
    private final BulletinRepository bulletins;
    private final OutboxRelay relay;
    private final BulletinSnapshot snapshot;
    private final ReferenceData reference;
    private final Clock clock;
    /** One publication at a time: they share the bulletin copy of the read model (and so do replicas: its lock). */
    private final Object publishing = new Object();
    private final BulletinCopyRepository copies;

    public BulletinService(Pool pool, StatisticsService statistics, AggregateRepository aggregates,
            BulletinRepository bulletins, OutboxRelay relay, BulletinSnapshot snapshot, ReferenceData reference,
            BulletinCopyRepository copies, Clock clock) {
        this.copies = copies;
        this.reference = reference;
        this.pool = pool;
        this.statistics = statistics;
        this.aggregates = aggregates;
        this.bulletins = bulletins;
        this.relay = relay;
        this.snapshot = snapshot;
        this.clock = clock;
    }

    /** A bulletin and whether this call published it (false: it was already, and is answered as it was). */
    public record Published(BulletinPublished bulletin, String payloadJson, boolean created) {
    }

    /**
     * Publishes one bulletin, or answers the one already published under its id.
     *
     * @throws BulletinSnapshot.NotComplete while the events of the month cannot all be known to have arrived
     */
    public Published publish(YearMonth month, BulletinScope scope, String code, String regionCode) {
        Optional<Published> existing = existing(month, scope, code);
        if (existing.isPresent()) {
            return existing.get();
        }
        synchronized (publishing) {
            try (BulletinCopyRepository.Held copy = copies.lock()) {
                return publishLocked(month, scope, code, regionCode);
            }
        }
    }

    private Published publishLocked(YearMonth month, BulletinScope scope, String code, String regionCode) {
        Instant cutOff = snapshot.prepare(month);
        Scope wanted = new Scope(scope, code, regionCode);
        if (hasScope(aggregates, month, wanted)
                && !hasScope(aggregates.readingFrom(StatisticsRepository.BULLETIN_SCHEMA), month, wanted)) {
            throw new BulletinSnapshot.NotComplete(code + " has ratings of " + month
                    + ", but none recorded by the cut-off " + cutOff);
        }
        return publish(month, scope, code, regionCode, cutOff);
    }

    private static boolean hasScope(AggregateRepository counters, YearMonth month, Scope wanted) {
        return scopes(counters, month).all().stream()
                .anyMatch(s -> s.scope() == wanted.scope() && s.code().equals(wanted.code()));
    }

    private Optional<Published> existing(YearMonth month, BulletinScope scope, String code) {
        return bulletins.find(Bulletins.id(month, scope, code))
                .map(stored -> new Published(read(stored), stored.payload(), false));
    }

    /**
     * R4.3: composed from the bulletin copy, refilled up to {@code cutOff} by the caller: the bulletin's figures are
     * those of the log as of its {@code publishedAt}, the cut-off, exactly what the audit recomputes.
     */
    private Published publish(YearMonth month, BulletinScope scope, String code, String regionCode, Instant cutOff) {
        String id = Bulletins.id(month, scope, code);
        Optional<Published> existing = existing(month, scope, code);
        if (existing.isPresent()) {
            return existing.get();
        }
        BulletinPublished b = compose(month, scope, code, regionCode, cutOff);
        String json = EventJson.mapper().valueToTree(b).toString();
        EventEnvelope<BulletinPublished> event = EventEnvelope.of(b, id, b.regionCode(), b.publishedAt(),
                clock.instant(), null, null, PRODUCER);
        boolean created = inTransaction(pool, tx -> bulletins.publish(tx, event, json));
        if (!created) {
            BulletinRepository.Stored raced = bulletins.find(id).orElseThrow();
            return new Published(read(raced), raced.payload(), false);
        }
        relay.wake();
        LOG.infof("bulletin %s published (content %s)", id, b.contentHash());
        return new Published(b, json, true);
    }

    /**
     * Every bulletin of {@code month} not published yet: one per city (GB/T 2260 ..00, comparing its districts), one
     * per county-level region (six digits, not ..00) and one per institution with counters in that month.
     */
    public List<Published> publishMonth(YearMonth month) {
        // The live counters say cheaply whether anything is left to publish; only then is the log replayed.
        List<Optional<Published>> known = scopes(aggregates, month).all().stream()
                .map(s -> existing(month, s.scope(), s.code())).toList();
        if (known.stream().allMatch(Optional::isPresent)) {
            return known.stream().map(Optional::orElseThrow).toList();
        }
        synchronized (publishing) {
            try (BulletinCopyRepository.Held copy = copies.lock()) {
                Instant cutOff = snapshot.prepare(month);
                return scopes(aggregates.readingFrom(StatisticsRepository.BULLETIN_SCHEMA), month).all().stream()
                        .map(s -> publish(month, s.scope(), s.code(), s.region(), cutOff)).toList();
            }
        }
    }

    /**
     * Brings the bulletin copy to the latest cut-off the watermarks allow, so that the next publication replays only
     * what is recorded after it (the scheduler's rounds): a month's bulletins then take seconds, not a replay of the
     * whole log. Nothing happens while the due month cannot be known complete.
     */
    public void keepCopyCurrent(YearMonth due) {
        synchronized (publishing) {
            try (BulletinCopyRepository.Held copy = copies.lock()) {
                snapshot.prepare(due);
            } catch (BulletinSnapshot.NotComplete notYet) {
                LOG.debugf("bulletin copy not advanced: %s", notYet.getMessage());
            }
        }
    }

    private record Scope(BulletinScope scope, String code, String region) {
    }

    /** A month's scopes: its cities, its county-level regions, then its institutions, each in code order. */
    private record Scopes(List<Scope> all) {
    }

    private static Scopes scopes(AggregateRepository counters, YearMonth month) {
        Map<String, String> institutions = new TreeMap<>();
        Map<String, String> cities = new TreeMap<>();
        Map<String, String> counties = new TreeMap<>();
        for (String[] ri : await(counters.regionsAndInstitutions(month.atDay(1)))) {
            String county = ri[0].substring(0, 6);
            String city = county.substring(0, 4) + "00";
            if (RegionCodes.isCity(city)) {
                cities.put(city, city);
            }
            if (!county.endsWith("00")) {
                counties.put(county, county);
            }
            institutions.putIfAbsent(ri[1], ri[0]);
        }
        List<Scope> all = new ArrayList<>();
        cities.forEach((code, region) -> all.add(new Scope(BulletinScope.REGION, code, region)));
        counties.forEach((code, region) -> all.add(new Scope(BulletinScope.REGION, code, region)));
        institutions.forEach((code, region) -> all.add(new Scope(BulletinScope.INSTITUTION, code, region)));
        return new Scopes(all);
    }

    /** The region of an institution's counters in {@code month}; empty when it had none. */
    public Optional<String> regionOf(YearMonth month, String institution) {
        return await(aggregates.regionsAndInstitutions(month.atDay(1))).stream()
                .filter(ri -> ri[1].equals(institution)).map(ri -> ri[0]).findFirst();
    }

    /** The month before {@code now}'s month in China: the one whose bulletins are due. */
    public static YearMonth dueMonth(Instant now) {
        return YearMonth.from(now.atZone(ChinaTime.ZONE)).minusMonths(1);
    }

    public Optional<BulletinRepository.Stored> find(String id) {
        return bulletins.find(id);
    }

    public List<BulletinRepository.Stored> list(String month, String regionPrefix) {
        return bulletins.list(month, regionPrefix);
    }

    /** R4.3: how the month's figures now differ from what the bulletin published. */
    public List<Bulletins.Erratum> errata(BulletinPublished frozen) {
        TallyQuery scope = scope(YearMonth.parse(frozen.month()), frozen.scope(), frozen.scopeCode());
        Figures now = await(statistics.figures(scope, 1, 0)).total();
        return Bulletins.errata(frozen, now, channels(statistics, scope));
    }

    public static BulletinPublished read(BulletinRepository.Stored stored) {
        try {
            return EventJson.mapper().readValue(stored.payload(), BulletinPublished.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable stored bulletin " + stored.bulletinId(), e);
        }
    }

    private BulletinPublished compose(YearMonth month, BulletinScope scope, String code, String regionCode,
            Instant now) {
        StatisticsService statistics = this.statistics.readingFrom(StatisticsRepository.BULLETIN_SCHEMA);
        TallyQuery q = scope(month, scope, code);
        Figures figures = await(statistics.figures(q, 1, 0)).total();
        Instant monthEnd = statistics.asOf(q);
        JurisdictionPolicy policy = reference.rules(regionCode, monthEnd).policy();
        int minimum = policy.rankingMinimumRatings();
        StatisticsService.Unit ranked = scope == BulletinScope.REGION ? StatisticsService.Unit.INSTITUTION
                : StatisticsService.Unit.STAFF;
        List<FairRanking.Ranked> ranking = await(statistics.ranking(ranked, q, minimum));
        List<BulletinPublished.TagCount> tags = await(statistics.tags(q, TOP_TAGS, regionCode)).tags().stream()
                .map(t -> new BulletinPublished.TagCount(t.tag(), t.name(), t.count(), t.share())).toList();
        // R4.3 (JC Art.21): a region's bureau issues its bulletins and its institutions'.
        String issuingRegion = scope == BulletinScope.REGION ? code : regionCode.substring(0, 6);
        Map<String, String> regionNames = await(statistics.names(DirectoryKind.REGION, List.of(issuingRegion),
                monthEnd));
        String scopeName = scope == BulletinScope.REGION ? regionNames.get(code)
                : await(statistics.names(DirectoryKind.INSTITUTION, List.of(code), monthEnd)).get(code);
        String issuingName = regionNames.getOrDefault(issuingRegion, issuingRegion);
        boolean city = scope == BulletinScope.REGION && RegionCodes.isCity(code);
        Bulletins.Context context = new Bulletins.Context(policy.bulletin().issuerOf(issuingName),
                policy.bulletin().numberOf(month, serial(month)), minimum,
                rated(statistics, scope(month.minusMonths(1), scope, code)),
                rated(statistics, scope(month.minusYears(1), scope, code)),
                city ? districts(statistics, q) : null,
                city ? await(statistics.ranking(StatisticsService.Unit.REGION, q, minimum)) : null,
                await(statistics.warnings(ranked, q, month.atDay(1), policy.rankingWarning(), minimum)).warned());
        return Bulletins.bulletin(month, scope, code, scopeName, regionCode, figures, channels(statistics, q), ranking,
                tags, context, now);
    }

    /**
     * The bulletin's number in the month's register: one more than the month's bulletins published before it, so
     * numbers run in the order of publication and never repeat (publications hold the copy's lock, one at a time).
     */
    private int serial(YearMonth month) {
        return bulletins.countOf(month.toString()) + 1;
    }

    /** The scope's figures for another month, or null when nothing was rated in it. */
    private static Figures rated(StatisticsService statistics, TallyQuery q) {
        Figures f = await(statistics.figures(q, 1, 0)).total();
        return f.ratings() == 0 ? null : f;
    }

    /** A city's county-level regions (and the city's own level, ..00), each with its figures and name. */
    private static List<Bulletins.District> districts(StatisticsService statistics, TallyQuery city) {
        TallyQuery byCounty = new TallyQuery(Dimension.TOTAL, null, city.regionPrefix(), null, city.from(), city.to(),
                TallyQuery.Grouping.REGION, 6, false, false);
        return await(statistics.figures(byCounty, 1000, 0)).groups().stream()
                .filter(g -> g.figures().ratings() != 0)
                .map(g -> new Bulletins.District(g.key(), g.name(), g.figures())).toList();
    }

    private static Map<String, Long> channels(StatisticsService statistics, TallyQuery scope) {
        Map<String, Long> out = new TreeMap<>();
        await(statistics.figures(scope.over(Dimension.CHANNEL, TallyQuery.Grouping.MEMBER), 1000, 0)).groups()
                .forEach(g -> {
                    if (g.figures().ratings() != 0) {
                        out.put(g.key(), g.figures().ratings());
                    }
                });
        return out;
    }

    private static TallyQuery scope(YearMonth month, BulletinScope scope, String code) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        return scope == BulletinScope.REGION
                ? new TallyQuery(Dimension.TOTAL, null, RegionCodes.prefixOf(code), null, from, to,
                        TallyQuery.Grouping.NONE, 0, false, false)
                : new TallyQuery(Dimension.TOTAL, null, null, code, from, to, TallyQuery.Grouping.NONE, 0, false,
                        false);
    }
}
