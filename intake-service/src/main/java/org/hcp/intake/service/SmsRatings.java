package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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
import org.hcp.events.policy.BadReviewTag;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.intake.domain.ServiceCase;
import org.hcp.intake.domain.SmsReply;
import org.hcp.intake.domain.SubmitRating;
import org.hcp.intake.repository.CaseRepository;
import org.hcp.intake.repository.DirectoryRepository;
import org.hcp.intake.repository.RatingLinkRepository;
import org.hcp.intake.repository.SmsRepository;
import org.hcp.kit.db.Transactions;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.Problem.FieldError;
import org.hcp.kit.rest.ProblemException;
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
            String message) {
    }

    /** The body of {@code POST /api/v1/sms/replies}, pushed by the gateway for each inbound message. */
    public record InboundReply(String messageId, String from, String text, Instant receivedAt) {
    }

    /** What became of a reply, and the text the gateway sends back to the evaluator. */
    public enum Outcome {
        RECORDED, NEEDS_TAGS, NOT_UNDERSTOOD, NO_OPEN_INVITATION, ALREADY_RATED, REJECTED
    }

    public record Answer(String messageId, Outcome outcome, String reply, String ratingId) {
    }

    public Invitation invite(Invite request, String caller) {
        String phone = mobile(request.phone(), "/phone");
        return inTransaction(pool, tx -> {
            RatingLinks.IssuedLink link = links.issue(tx, new RatingLinks.IssueLink(request.caseNumber(),
                    request.visitId(), Channel.SMS.name(), null), caller);
            ServiceCase c = cases.find(tx, link.caseNumber()).serviceCase();
            JurisdictionPolicy policy = reference.policyFor(c.regionCode(), c.completedAt());
            String invitationId = EventIds.newTimeOrdered().toString();
            sms.insertInvitation(tx, new SmsRepository.Invitation(invitationId, c.caseNumber(), link.visitId(),
                    link.linkId(), clock.instant(), link.expiresAt()), phoneKey(phone));
            var item = directory.find(tx, DirectoryKind.ITEM, c.itemCode());
            String message = "【政务服务好差评】您办理的“" + (item == null ? c.itemCode() : item.name()) + "”（办件号"
                    + c.caseNumber() + "）已办结。请回复数字评价：" + levelMenu(policy) + "。也可打开 " + link.url()
                    + " 评价。";
            LOG.infof("SMS invitation %s for case %s", invitationId, c.caseNumber());
            return new Invitation(invitationId, c.caseNumber(), link.url(), link.expiresAt(), message);
        });
    }

    public Answer reply(InboundReply inbound) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (inbound.messageId() == null || !MESSAGE_ID.matcher(inbound.messageId()).matches()) {
            errors.add(new FieldError("/messageId", "消息编号必填 / messageId is required: 1-128 letters, digits or "
                    + "_.:-, unique per inbound message (a retried message keeps its id)"));
        }
        if (inbound.text() != null && inbound.text().length() > REPLY_TEXT_MAX) {
            errors.add(new FieldError("/text", "短信内容过长 / text is longer than " + REPLY_TEXT_MAX));
        }
        String phone = errors.isEmpty() ? mobile(inbound.from(), "/from") : null;
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = clock.instant();
        SmsRepository.Reply earlier = inTransaction(pool, tx -> sms.findReply(tx, inbound.messageId()));
        if (earlier != null) {
            return answerOf(earlier);
        }
        SmsRepository.Invitation invitation = inTransaction(pool,
                tx -> sms.findOpenInvitation(tx, phoneKey(phone), now));
        if (invitation == null) {
            return store(inbound, null, Outcome.NO_OPEN_INVITATION, "未找到您待评价的办件，可能已评价或已过评价期限。"
                    + "如需帮助请拨打12345。", null, now);
        }
        ServiceCase c = inTransaction(pool, tx -> cases.find(tx, invitation.caseNumber())).serviceCase();
        JurisdictionPolicy policy = reference.policyFor(c.regionCode(), c.completedAt());
        List<String> catalogue = policy.badReviewTags().stream().map(BadReviewTag::code).toList();
        SmsReply.Parsed parsed = SmsReply.parse(inbound.text(), catalogue);
        switch (parsed.kind()) {
            case NOT_UNDERSTOOD -> {
                return store(inbound, invitation.invitationId(), Outcome.NOT_UNDERSTOOD, "未能识别您的回复，本次未记录评价。"
                        + "请只回复一个数字：" + levelMenu(policy) + "。", null, now);
            }
            case NEEDS_TAGS -> {
                String url = inTransaction(pool, tx -> links.urlOf(links.tokenOf(linkRows.find(tx,
                        invitation.linkId()))));
                return store(inbound, invitation.invitationId(), Outcome.NEEDS_TAGS, "您选择了“"
                        + RatingLevel.label(policy.levelLabels(), parsed.level(), false) + "”，本次尚未记录。请回复“"
                        + parsed.level() + " 原因序号”（可多选，如“" + parsed.level() + " 1 3”）：" + tagMenu(policy)
                        + "。也可打开 " + url + " 评价。", null, now);
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
        String thanks = bad ? "感谢您的评价，已记录。办理单位将尽快核实整改并回访您。" : "感谢您的评价，已记录。";
        SubmitRating command = SubmitRating.builder().ratingId(ratingId).caseNumber(invitation.caseNumber())
                .channel(Channel.SMS.name()).level(parsed.level()).tags(parsed.tags())
                .ratedAt(inbound.receivedAt() == null ? null : min(inbound.receivedAt(), now))
                .visitId(invitation.visitId()).build();
        SmsRepository.Reply reply = new SmsRepository.Reply(inbound.messageId(), invitation.invitationId(),
                Outcome.RECORDED.name(), thanks, ratingId);
        // Sequential code (a worker thread) waits for the reactive rating use case here.
        RatingOutcome outcome = Transactions.await(ratings.submit(command, null, "sms-gateway", (tx, id, at) ->
                sms.answer(tx, invitation.invitationId(), id, at).chain(answered -> !answered
                        ? Uni.createFrom().item(new RatingOutcome.AlreadyRated(
                                "the invitation was answered by another reply"))
                        : linkRows.use(tx, invitation.linkId(), id, at)
                                .chain(() -> sms.insertReplyInChain(tx, reply, at))
                                .replaceWith(Uni.createFrom().<RatingOutcome>nullItem()))));
        if (outcome instanceof RatingOutcome.Recorded) {
            return new Answer(inbound.messageId(), Outcome.RECORDED, thanks, ratingId);
        }
        if (outcome instanceof RatingOutcome.Rejected || outcome instanceof RatingOutcome.Failed) {
            String reason = outcome.errors().get(0).message();
            return store(inbound, invitation.invitationId(), Outcome.REJECTED, "评价未能记录："
                    + Problem.inLanguage(reason, false) + "。如需帮助请拨打12345。", null, now);
        }
        // Rated already (R1.4), or this very reply raced with its own retry: the first answer stands.
        SmsRepository.Reply raced = inTransaction(pool, tx -> sms.findReply(tx, inbound.messageId()));
        if (raced != null) {
            return answerOf(raced);
        }
        return store(inbound, invitation.invitationId(), Outcome.ALREADY_RATED, "该办件已评价，感谢您的参与。", null,
                now);
    }

    private Answer store(InboundReply inbound, String invitationId, Outcome outcome, String reply, String ratingId,
            Instant now) {
        SmsRepository.Reply row = new SmsRepository.Reply(inbound.messageId(), invitationId, outcome.name(), reply,
                ratingId);
        return answerOf(inTransaction(pool, tx -> sms.insertReply(tx, row, now) ? row
                : sms.findReply(tx, inbound.messageId())));
    }

    private static Answer answerOf(SmsRepository.Reply r) {
        return new Answer(r.messageId(), Outcome.valueOf(r.outcome()), r.reply(), r.ratingId());
    }

    private String phoneKey(String phone) {
        return pseudonyms.pseudonym("PHONE", phone);
    }

    /** The 11-digit number, or a 422 that says where; the number itself is never echoed back. */
    static String mobile(String raw, String pointer) {
        String compact = raw == null ? "" : raw.replaceAll("[\\s-]", "");
        var m = MOBILE.matcher(compact);
        if (!m.matches()) {
            throw ProblemException.invalid(List.of(new FieldError(pointer,
                    "手机号码格式错误 / a mainland mobile number of 11 digits (optionally +86) is required")));
        }
        return m.group(1);
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
