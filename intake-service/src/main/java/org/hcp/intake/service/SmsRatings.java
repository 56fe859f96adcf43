package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hcp.events.Channel;
import org.hcp.events.DirectoryKind;
import org.hcp.events.EventIds;
import org.hcp.events.RatingLevel;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Text;
import org.hcp.events.outcome.Violation;
import org.hcp.events.policy.BadReviewTag;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.intake.domain.ServiceCase;
import org.hcp.intake.domain.SmsReply;
import org.hcp.intake.domain.SmsText;
import org.hcp.intake.domain.SubmitRating;
import org.hcp.intake.repository.CaseRepository;
import org.hcp.intake.repository.DirectoryRepository;
import org.hcp.intake.repository.RatingLinkRepository;
import org.hcp.intake.repository.SmsRepository;
import org.hcp.kit.db.Transactions;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.text.Messages;
import org.jboss.logging.Logger;

/**
 * SMS rating (R1.8 短信评价): after completion an SMS invites the evaluator to reply with a digit (and carries a
 * rating link); the reply, pushed by the SMS gateway, rates the case the latest invitation to that phone was for.
 * The phone number is only ever held as a keyed pseudonym and never logged (R6.1).
 */
@ApplicationScoped
public class SmsRatings {

    private static final Logger LOG = Logger.getLogger(SmsRatings.class);
    /** Mainland mobile numbers, with or without +86. */
    static final Pattern MOBILE = Pattern.compile("(?:\\+?86)?(1[3-9][0-9]{9})");
    static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    static final int REPLY_TEXT_MAX = 500;

    private final Pool pool;
    private final CaseRepository cases;
    private final DirectoryRepository directory;
    private final SmsRepository sms;
    private final RatingLinkRepository linkRows;
    private final RatingLinks links;
    private final RatingService ratings;
    private final ReferenceData reference;
    private final EvaluatorPseudonyms pseudonyms;
    private final Clock clock;

    public SmsRatings(Pool pool, CaseRepository cases, DirectoryRepository directory, SmsRepository sms,
            RatingLinkRepository linkRows, RatingLinks links, RatingService ratings, ReferenceData reference,
            EvaluatorPseudonyms pseudonyms, Clock clock) {
        this.pool = pool;
        this.cases = cases;
        this.directory = directory;
        this.sms = sms;
        this.linkRows = linkRows;
        this.links = links;
        this.ratings = ratings;
        this.reference = reference;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** The body of {@code POST /api/v1/sms/invitations}: the gateway asks for the text to send. */
    public record Invite(String caseNumber, String visitId, String phone) {
    }

    public record Invitation(String invitationId, String caseNumber, String ratingUrl, Instant expiresAt,
            String message, int segments) {
    }

    /** The body of {@code POST /api/v1/sms/replies}, pushed by the gateway for each inbound message. */
    public record InboundReply(String messageId, String from, String text, Instant receivedAt) {
    }

    /** What became of a reply, and the text the gateway sends back to the evaluator. */
    public enum Result {
        RECORDED, NEEDS_TAGS, NOT_UNDERSTOOD, NO_OPEN_INVITATION, ALREADY_RATED, REJECTED
    }

    public record Answer(String messageId, Result outcome, String reply, String ratingId) {
    }

    public Outcome<Invitation> invite(Invite request, String caller) {
        String phone = mobile(request.phone());
        if (phone == null) {
            return Outcome.rejected(Violation.of("/phone", "sms.mobileFormat"));
        }
        // The gateway's phone may be anyone's: a rating answering it is not taken for the case's evaluator.
        return inTransaction(pool, tx -> invite(tx, request.caseNumber(), request.visitId(), phone, caller,
                "sms.invitation", false));
    }

    /**
     * Issues an SMS link and the invitation a reply from {@code phone} answers, in the caller's transaction; the text
     * in the wording of {@code textKey} ({@code sms.invitation} or {@code sms.reminder}, each with its short form).
     */
    Outcome<Invitation> invite(SqlConnection tx, String caseNumber, String visitId, String phone, String caller,
            String textKey, boolean toCaseEvaluator) {
        return links.issue(tx, new RatingLinks.IssueLink(caseNumber, visitId, Channel.SMS.name(), null), caller,
                toCaseEvaluator).map(link -> {
            ServiceCase c = cases.find(tx, link.caseNumber()).serviceCase();
            JurisdictionPolicy policy = reference.policyFor(c.regionCode(), c.completedAt());
            String invitationId = EventIds.newTimeOrdered().toString();
            sms.insertInvitation(tx, new SmsRepository.Invitation(invitationId, c.caseNumber(), link.visitId(),
                    link.linkId(), clock.instant(), link.expiresAt()), phoneKey(phone));
            var item = directory.find(tx, DirectoryKind.ITEM, c.itemCode());
            String message = invitationText(textKey, item == null ? c.itemCode() : item.name(), c.caseNumber(),
                    policy, link.url());
            LOG.infof("SMS invitation %s for case %s", invitationId, c.caseNumber());
            return new Invitation(invitationId, c.caseNumber(), link.url(), link.expiresAt(), message,
                    SmsText.segments(message));
        });
    }

    public Outcome<Answer> reply(InboundReply inbound) {
        List<Violation> errors = new java.util.ArrayList<>();
        if (inbound.messageId() == null || !MESSAGE_ID.matcher(inbound.messageId()).matches()) {
            errors.add(Violation.of("/messageId", "sms.messageId"));
        }
        if (inbound.text() != null && inbound.text().length() > REPLY_TEXT_MAX) {
            errors.add(Violation.of("/text", "field.tooLong", REPLY_TEXT_MAX));
        }
        String phone = errors.isEmpty() ? mobile(inbound.from()) : null;
        if (errors.isEmpty() && phone == null) {
            errors.add(Violation.of("/from", "sms.mobileFormat"));
        }
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        return Outcome.done(answer(inbound, phone));
    }

    private Answer answer(InboundReply inbound, String phone) {
        Instant now = clock.instant();
        SmsRepository.Reply earlier = inTransaction(pool, tx -> sms.findReply(tx, inbound.messageId()));
        if (earlier != null) {
            return answerOf(earlier);
        }
        SmsRepository.Invitation invitation = inTransaction(pool,
                tx -> sms.findOpenInvitation(tx, phoneKey(phone), now));
        if (invitation == null) {
            return store(inbound, null, Result.NO_OPEN_INVITATION, zh("sms.reply.noInvitation"), null, now);
        }
        ServiceCase c = inTransaction(pool, tx -> cases.find(tx, invitation.caseNumber())).serviceCase();
        JurisdictionPolicy policy = reference.policyFor(c.regionCode(), c.completedAt());
        List<String> catalogue = policy.badReviewTags().stream().map(BadReviewTag::code).toList();
        SmsReply.Parsed parsed = SmsReply.parse(inbound.text(), catalogue);
        switch (parsed.kind()) {
            case NOT_UNDERSTOOD -> {
                return store(inbound, invitation.invitationId(), Result.NOT_UNDERSTOOD,
                        zh("sms.reply.notUnderstood", levelMenu(policy)), null, now);
            }
            case NEEDS_TAGS -> {
                String url = inTransaction(pool, tx -> links.urlOf(links.tokenOf(linkRows.find(tx,
                        invitation.linkId()))));
                return store(inbound, invitation.invitationId(), Result.NEEDS_TAGS, zh("sms.reply.needsTags",
                        RatingLevel.label(policy.levelLabels(), parsed.level(), false), parsed.level(),
                        tagMenu(policy), url), null, now);
            }
            default -> {
                return record(inbound, invitation, parsed, now);
            }
        }
    }

    private Answer record(InboundReply inbound, SmsRepository.Invitation invitation, SmsReply.Parsed parsed,
            Instant now) {
        String ratingId = "sms-" + UUID.nameUUIDFromBytes(("sms\n" + inbound.messageId())
                .getBytes(StandardCharsets.UTF_8));
        boolean bad = RatingLevel.isBad(parsed.level());
        String thanks = zh(bad ? "sms.reply.thanksBad" : "sms.reply.thanks");
        SubmitRating command = SubmitRating.builder().ratingId(ratingId).caseNumber(invitation.caseNumber())
                .channel(Channel.SMS.name()).level(parsed.level()).tags(parsed.tags())
                .ratedAt(inbound.receivedAt() == null ? null : min(inbound.receivedAt(), now))
                .visitId(invitation.visitId()).build();
        SmsRepository.Reply reply = new SmsRepository.Reply(inbound.messageId(), invitation.invitationId(),
                Result.RECORDED.name(), thanks, ratingId);
        // Sequential code (a worker thread) waits for the reactive rating use case here.
        // Where the platform sent the invitation to the case's own mobile, the reply is that evaluator's (R2.5).
        String evaluator = inTransaction(pool, tx -> links.caseEvaluator(tx, linkRows.find(tx,
                invitation.linkId())));
        RatingOutcome outcome = Transactions.await(ratings.submit(command, null, "sms-gateway", (tx, id, at) ->
                sms.answer(tx, invitation.invitationId(), id, at).chain(answered -> !answered
                        ? Uni.createFrom().item(new RatingOutcome.AlreadyRated(
                                Text.of("sms.invitationAnswered")))
                        : linkRows.use(tx, invitation.linkId(), id, at)
                                .chain(() -> sms.insertReplyInChain(tx, reply, at))
                                .replaceWith(Uni.createFrom().<RatingOutcome>nullItem())), evaluator));
        if (outcome instanceof RatingOutcome.Recorded) {
            return new Answer(inbound.messageId(), Result.RECORDED, thanks, ratingId);
        }
        if (outcome instanceof RatingOutcome.Rejected || outcome instanceof RatingOutcome.Failed) {
            String reason = Messages.render(outcome.violations().get(0).text(), Messages.ZH);
            return store(inbound, invitation.invitationId(), Result.REJECTED, zh("sms.reply.rejected", reason), null,
                    now);
        }
        // Rated already (R1.4), or this very reply raced with its own retry: the first answer stands.
        SmsRepository.Reply raced = inTransaction(pool, tx -> sms.findReply(tx, inbound.messageId()));
        if (raced != null) {
            return answerOf(raced);
        }
        return store(inbound, invitation.invitationId(), Result.ALREADY_RATED, zh("sms.reply.alreadyRated"), null,
                now);
    }

    private Answer store(InboundReply inbound, String invitationId, Result outcome, String reply, String ratingId,
            Instant now) {
        SmsRepository.Reply row = new SmsRepository.Reply(inbound.messageId(), invitationId, outcome.name(), reply,
                ratingId);
        return answerOf(inTransaction(pool, tx -> sms.insertReply(tx, row, now) ? row
                : sms.findReply(tx, inbound.messageId())));
    }

    private static Answer answerOf(SmsRepository.Reply r) {
        return new Answer(r.messageId(), Result.valueOf(r.outcome()), r.reply(), r.ratingId());
    }

    private String phoneKey(String phone) {
        return pseudonyms.pseudonym("PHONE", phone);
    }

    /** The 11-digit number, or null; the number itself is never echoed back. */
    static String mobile(String raw) {
        String compact = raw == null ? "" : raw.replaceAll("[\\s-]", "");
        var m = MOBILE.matcher(compact);
        return m.matches() ? m.group(1) : null;
    }

    /** SMS goes to citizens' phones in Chinese. */
    private static String zh(String key, Object... args) {
        return Messages.render(key, Messages.ZH, args);
    }

    /**
     * The invitation names the item, the case and the level menu where that fits one billed segment; otherwise the
     * short wording (the digits and the link; the link's page names the case) keeps it to one where the host allows.
     */
    static String invitationText(String textKey, String itemName, String caseNumber, JurisdictionPolicy policy,
            String url) {
        String full = zh(textKey, itemName, caseNumber, levelMenu(policy), url);
        String compact = zh(textKey + "Short", url);
        return SmsText.segments(full) == 1 || SmsText.segments(compact) > 1 ? full : compact;
    }

    static String levelMenu(JurisdictionPolicy policy) {
        return IntStream.iterate(5, l -> l >= 1, l -> l - 1)
                .mapToObj(l -> l + RatingLevel.label(policy.levelLabels(), l, false))
                .collect(Collectors.joining(" "));
    }

    static String tagMenu(JurisdictionPolicy policy) {
        List<BadReviewTag> tags = policy.badReviewTags();
        return IntStream.range(0, tags.size()).mapToObj(i -> (i + 1) + tags.get(i).name())
                .collect(Collectors.joining(" "));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
