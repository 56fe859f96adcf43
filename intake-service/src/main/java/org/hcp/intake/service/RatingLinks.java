package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.Channel;
import org.hcp.events.DirectoryKind;
import org.hcp.events.EventIds;
import org.hcp.events.Identifiers;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Text;
import org.hcp.events.outcome.Violation;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.intake.domain.DirectoryEntry;
import org.hcp.intake.domain.RatingLinkCode;
import org.hcp.intake.domain.RatingLinkToken;
import org.hcp.intake.domain.ServiceCase;
import org.hcp.intake.domain.SubmitRating;
import org.hcp.intake.repository.CaseRepository;
import org.hcp.intake.repository.DirectoryRepository;
import org.hcp.intake.repository.RatingLinkRepository.StoredLink;
import org.hcp.intake.repository.RatingLinkRepository;
import org.hcp.kit.reference.ReferenceData;
import org.jboss.logging.Logger;

/**
 * QR code and SMS links (R1.8): a short, unguessable, single-case, expiring, single-use code that opens the
 * citizen's rating page (RatingLinkCode; the signed tokens of older links are still honoured). The link is used up
 * in the transaction that records its rating, so a rating is never lost to a used link and a link never rates twice.
 */
@ApplicationScoped
public class RatingLinks {

    private static final Logger LOG = Logger.getLogger(RatingLinks.class);
    static final List<Channel> LINK_CHANNELS = List.of(Channel.QR_CODE, Channel.SMS);

    private final Pool pool;
    private final CaseRepository cases;
    private final DirectoryRepository directory;
    private final RatingLinkRepository links;
    private final RatingService ratings;
    private final ReferenceData reference;
    private final Clock clock;
    private final byte[] key;
    private final Duration validFor;
    private final Duration maxValidFor;
    private final String baseUrl;

    public RatingLinks(Pool pool, CaseRepository cases, DirectoryRepository directory, RatingLinkRepository links,
            RatingService ratings, ReferenceData reference, Clock clock,
            @ConfigProperty(name = "hcp.rating-link.key") String key,
            @ConfigProperty(name = "hcp.rating-link.valid-for") Duration validFor,
            @ConfigProperty(name = "hcp.rating-link.max-valid-for") Duration maxValidFor,
            @ConfigProperty(name = "hcp.public-base-url") String baseUrl) {
        this.pool = pool;
        this.cases = cases;
        this.directory = directory;
        this.links = links;
        this.ratings = ratings;
        this.reference = reference;
        this.clock = clock;
        this.key = RatingLinkToken.keyBytes(key);
        this.validFor = validFor;
        this.maxValidFor = maxValidFor;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The body of {@code POST /api/v1/rating-links}. */
    public record IssueLink(String caseNumber, String visitId, String channel, Duration validFor) {
    }

    public record IssuedLink(String linkId, String caseNumber, String visitId, String channel, String token,
            String url, Instant expiresAt) {
    }

    /** Where a link stands when it is opened. */
    public enum Status {
        OPEN, USED, EXPIRED, INVALID, RATED
    }

    /** What the rating page shows: the case by its names (R1.11), and the policy's labels and tags (R1.1, R1.3). */
    public record LinkState(Status status, RatingLinkToken.Claims claims, ServiceCase serviceCase,
            JurisdictionPolicy policy, String itemName, String institutionName, String windowName, String staffName,
            String ratingId) {

        static final LinkState INVALID = new LinkState(Status.INVALID, null, null, null, null, null, null, null, null);
    }

    public Outcome<IssuedLink> issue(IssueLink request, String issuedBy) {
        return inTransaction(pool, tx -> issue(tx, request, issuedBy));
    }

    /** Issues a link inside the caller's transaction (an SMS invitation records its link with itself). */
    Outcome<IssuedLink> issue(SqlConnection tx, IssueLink request, String issuedBy) {
        return issue(tx, request, issuedBy, false);
    }

    /**
     * @param forCaseEvaluator the platform sends it to the mobile the case's evaluator gave: a rating through it is
     *                         that evaluator's, real-name (R2.2, R2.5)
     */
    Outcome<IssuedLink> issue(SqlConnection tx, IssueLink request, String issuedBy, boolean forCaseEvaluator) {
        Instant now = clock.instant();
        Channel channel = request.channel() == null ? Channel.QR_CODE : Channel.parse(request.channel());
        if (channel == null || !LINK_CHANNELS.contains(channel)) {
            return Outcome.rejected(Violation.of("/channel", "link.channel", LINK_CHANNELS, request.channel()));
        }
        if (request.caseNumber() == null || request.caseNumber().isBlank()) {
            return Outcome.rejected(Violation.of("/caseNumber", "field.required"));
        }
        CaseRepository.StoredCase stored = cases.find(tx, request.caseNumber().trim());
        if (stored == null) {
            return Outcome.rejected(Violation.of("/caseNumber", "rating.caseUnknown", request.caseNumber().trim()));
        }
        ServiceCase c = stored.serviceCase();
        // R1.4: a promised case is rated per visit, every other case once; the link says which.
        if (request.visitId() != null && !Identifiers.isValid(request.visitId(), Identifiers.CODE_MAX)) {
            return Outcome.rejected(Violation.of("/visitId", "identifier.invalid", Identifiers.CODE_MAX));
        }
        boolean knownVisit = request.visitId() != null
                && c.visits().stream().anyMatch(v -> v.visitId().equals(request.visitId()));
        if (request.visitId() != null && !knownVisit && c.ratedPerVisit()) {
            return Outcome.rejected(Violation.of("/visitId", "rating.visitUnknown", c.caseNumber(),
                    request.visitId(), c.visits().stream().map(v -> v.visitId()).toList()));
        }
        // A visit the case does not have never rides in a link's token (it made a 1 MB visitId a 1.4 MB link).
        if (c.ratedPerVisit() != knownVisit || request.visitId() != null && !knownVisit) {
            return Outcome.rejected(c.ratedPerVisit()
                    ? Violation.of("/visitId", "rating.visitRequired",
                            c.visits().stream().map(v -> v.visitId()).toList())
                    : Violation.of("/visitId", "rating.visitNotRated", c.caseNumber(), c.kind()));
        }
        String slot = slotOf(c, request.visitId());
        if (c.takenSlots().contains(slot)) {
            return Outcome.conflict("already-rated", Text.of("rating.alreadyRated"), "case "
                    + c.caseNumber() + (request.visitId() == null ? "" : " visit " + request.visitId())
                    + " is rated already (R1.4): no link is needed");
        }
        Duration wanted = request.validFor() == null ? validFor : request.validFor();
        if (wanted.isNegative() || wanted.isZero() || wanted.compareTo(maxValidFor) > 0) {
            return Outcome.rejected(Violation.of("/validFor", "link.validFor", maxValidFor));
        }
        Instant expiresAt = now.plus(wanted);
        // R1.7: a link never outlives the period in which the case may still be rated.
        if (c.supplementaryUntil() != null && c.supplementaryUntil().isBefore(expiresAt)) {
            expiresAt = c.supplementaryUntil();
        }
        if (!expiresAt.isAfter(now)) {
            return Outcome.rejected(Violation.of("/caseNumber", "link.periodEnded", c.caseNumber(),
                    c.supplementaryUntil()));
        }
        expiresAt = Instant.ofEpochSecond(expiresAt.getEpochSecond());
        String linkId = EventIds.newTimeOrdered().toString();
        String token = RatingLinkCode.of(linkId, key);
        links.insert(tx, new StoredLink(linkId, c.caseNumber(), request.visitId(), channel.name(), now, expiresAt,
                null, null, forCaseEvaluator), RatingLinkCode.hash(token), issuedBy);
        LOG.infof("issued %s rating link %s for case %s, valid until %s", channel, linkId, c.caseNumber(), expiresAt);
        return Outcome.done(new IssuedLink(linkId, c.caseNumber(), request.visitId(), channel.name(), token,
                urlOf(token), expiresAt));
    }

    /**
     * R2.4: the short link behind which the evaluator of {@code ratingId} follows it: the link that recorded the
     * rating, or one issued now, already used by that rating, so that it opens the follow-up page and rates nothing.
     */
    public String followUpUrl(SqlConnection tx, String ratingId, String caseNumber) {
        StoredLink link = links.findShortByRating(tx, ratingId);
        if (link == null) {
            Instant now = clock.instant();
            link = new StoredLink(EventIds.newTimeOrdered().toString(), caseNumber, null, Channel.SMS.name(), now,
                    now, now, ratingId, false);
            links.insert(tx, link, RatingLinkCode.hash(tokenOf(link)), "follow-up");
        }
        return urlOf(tokenOf(link));
    }

    public String urlOf(String token) {
        return baseUrl + "/r/" + token;
    }

    /** The code of a stored link, derived again from its id (RatingLinkCode): the same link the citizen got. */
    String tokenOf(StoredLink link) {
        return RatingLinkCode.of(link.linkId(), key);
    }

    /** Whether this could be a link of ours at all: checked before any database read. */
    private boolean wellFormed(String token) {
        return RatingLinkCode.isWellFormed(token) || RatingLinkToken.verify(token, key) != null;
    }

    /**
     * A link's row: a short code is looked up by its hash; a signed token issued before short links is verified and
     * then held to its row. Null for anything else.
     */
    private StoredLink linkOf(SqlConnection tx, String token) {
        if (RatingLinkCode.isWellFormed(token)) {
            return links.findByCodeHash(tx, RatingLinkCode.hash(token));
        }
        RatingLinkToken.Claims signed = RatingLinkToken.verify(token, key);
        StoredLink link = signed == null ? null : links.find(tx, signed.link());
        return link != null && link.caseNumber().equals(signed.caseNumber()) ? link : null;
    }

    /** What a link says, from its row. */
    private static RatingLinkToken.Claims claimsOf(StoredLink link) {
        return new RatingLinkToken.Claims(link.linkId(), link.caseNumber(), link.visitId(),
                Channel.valueOf(link.channel()), link.expiresAt().getEpochSecond());
    }

    /** Opens a link: never throws for a bad token, the page says what is wrong. */
    public LinkState open(String token) {
        if (!wellFormed(token)) {
            return LinkState.INVALID;
        }
        return inTransaction(pool, tx -> {
            StoredLink link = linkOf(tx, token);
            CaseRepository.StoredCase stored = link == null ? null : cases.find(tx, link.caseNumber());
            if (stored == null) {
                return LinkState.INVALID;
            }
            RatingLinkToken.Claims claims = claimsOf(link);
            ServiceCase c = stored.serviceCase();
            Status status = link.usedAt() != null ? Status.USED
                    : !clock.instant().isBefore(claims.expiresAt()) ? Status.EXPIRED
                    : c.takenSlots().contains(slotOf(c, claims.visit())) ? Status.RATED
                    : Status.OPEN;
            JurisdictionPolicy policy = reference.policyFor(c.regionCode(), c.completedAt());
            return new LinkState(status, claims, c, policy, name(tx, DirectoryKind.ITEM, c.itemCode()),
                    name(tx, DirectoryKind.INSTITUTION, c.institutionCode()),
                    name(tx, DirectoryKind.WINDOW, c.windowOf(claims.visit())),
                    policy.showStaffOnRatingPage() ? name(tx, DirectoryKind.STAFF, c.staffOf(claims.visit())) : null,
                    link.ratingId());
        });
    }

    /** What became of a rating given through a link; the page says each in the citizen's words. */
    public sealed interface LinkRating {
        /** Not a link this service issued, or altered. */
        record Invalid() implements LinkRating {
        }

        /** The link's time ran out (default 7 days, never past the rating period, R1.7). */
        record Expired(Instant validUntil) implements LinkRating {
        }

        /** The rating was decided: recorded, rejected, or refused as rated or used already. */
        record Rated(RatingOutcome outcome) implements LinkRating {
        }
    }

    /**
     * Records the rating given through a link, and uses the link up in the same transaction. A second submit of the
     * same rating (a double click, a retry) gets the first answer; anything else after use is refused as used.
     */
    /** A link and, where the platform sent it to the case's evaluator, who that is. */
    private record Resolved(StoredLink link, String evaluator) {
    }

    public Uni<LinkRating> rate(String token, SubmitRating form) {
        Resolved resolved = !wellFormed(token) ? null : inTransaction(pool, tx -> {
            StoredLink link = linkOf(tx, token);
            return link == null ? null : new Resolved(link, caseEvaluator(tx, link));
        });
        if (resolved == null) {
            return Uni.createFrom().item(new LinkRating.Invalid());
        }
        RatingLinkToken.Claims claims = claimsOf(resolved.link());
        if (!clock.instant().isBefore(claims.expiresAt())) {
            return Uni.createFrom().item(new LinkRating.Expired(claims.expiresAt()));
        }
        SubmitRating command = SubmitRating.builder().ratingId("link-" + claims.link()).caseNumber(claims.caseNumber())
                .channel(claims.ch().name()).level(form.level()).tags(form.tags()).text(form.text())
                .dimensions(form.dimensions()).visitId(claims.visit()).detailForm(form.detailForm()).build();
        return ratings.submit(command, null, "rating-link", (tx, ratingId, now) ->
                links.use(tx, claims.link(), ratingId, now).map(used -> used ? null
                        : new RatingOutcome.ClaimUsed(Text.of("link.used"))), resolved.evaluator())
                .map(LinkRating.Rated::new);
    }

    /**
     * The case's evaluator (their pseudonym) where the platform sent this link to the mobile they gave: a rating
     * through it is theirs, real-name (R2.2, R2.5); null for any other link (a QR code, a gateway's own invitation).
     */
    String caseEvaluator(SqlConnection tx, StoredLink link) {
        if (link == null || !link.forCaseEvaluator()) {
            return null;
        }
        CaseRepository.StoredCase stored = cases.find(tx, link.caseNumber());
        return stored == null ? null : stored.serviceCase().evaluatorPseudonym();
    }

    private String name(SqlConnection tx, DirectoryKind kind, String code) {
        if (code == null) {
            return null;
        }
        DirectoryEntry entry = directory.find(tx, kind, code);
        return entry == null ? code : entry.name();
    }

    private static String slotOf(ServiceCase c, String visitId) {
        return visitId == null ? ServiceCase.CASE_SLOT : ServiceCase.visitSlot(visitId);
    }
}
