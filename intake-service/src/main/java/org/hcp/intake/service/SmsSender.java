package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.intake.domain.MessageRules;
import org.hcp.intake.domain.ServiceCase;
import org.hcp.intake.domain.SmsText;
import org.hcp.intake.repository.CaseRepository;
import org.hcp.intake.repository.OutboundMessageRepository;
import org.hcp.intake.repository.OutboundMessageRepository.Message;
import org.hcp.intake.sms.SmppGateway;
import org.hcp.kit.messaging.PeriodicWorker;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.text.Messages;
import org.jboss.logging.Logger;

/**
 * Sends the queued messages to evaluators over SMPP (issue 29; docs/messages.md). Each round claims due messages with
 * {@code FOR UPDATE SKIP LOCKED} (replicas share the queue), opens each case's sealed contact for its mobile, lets
 * {@link MessageRules} say send, wait or drop, and marks the message SENDING with its text in one transaction
 * before the SMSC is asked. What the SMSC accepts is SENT; what it refused or could not take waits with back-off and
 * is parked after {@value #MAX_ATTEMPTS} tries; a message left SENDING by a sender that stopped is parked, never sent
 * again by itself: a message goes out at most once, and one that may not have is visible to operators.
 */
@Singleton
public class SmsSender extends PeriodicWorker {

    private static final Logger LOG = Logger.getLogger(SmsSender.class);
    static final int BATCH = 50;
    static final int MAX_ATTEMPTS = 5;

    private final Pool pool;
    private final OutboundMessageRepository messages;
    private final CaseRepository cases;
    private final ContactVault vault;
    private final EvaluatorPseudonyms pseudonyms;
    private final SmsRatings invitations;
    private final RatingLinks links;
    private final ReferenceData reference;
    private final SmppGateway gateway;
    private final Clock clock;
    private final boolean enabled;
    /** How long a claimed message may take to reach the SMSC before a later round parks it. */
    private final Duration claim;

    public SmsSender(Pool pool, OutboundMessageRepository messages, CaseRepository cases, ContactVault vault,
            EvaluatorPseudonyms pseudonyms, SmsRatings invitations, RatingLinks links, ReferenceData reference, SmppGateway gateway, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.sms.sender.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "hcp.sms.sender.interval", defaultValue = "PT5S") Duration interval,
            @ConfigProperty(name = "hcp.sms.sender.claim", defaultValue = "PT2M") Duration claim) {
        super("sms-sender", interval, interval, metrics);
        this.pool = pool;
        this.messages = messages;
        this.cases = cases;
        this.vault = vault;
        this.pseudonyms = pseudonyms;
        this.invitations = invitations;
        this.links = links;
        this.reference = reference;
        this.gateway = gateway;
        this.clock = clock;
        this.enabled = enabled;
        this.claim = claim;
    }

    /** What one round did. */
    public record Round(int sent, int waiting, int dropped, int failed, int parked) {
    }

    /** One claim: how many messages it took, and those to send now. */
    private record Claimed(int count, List<Ready> ready) {
    }

    /** A message ready for the SMSC; the mobile lives only in this round's memory. */
    private record Ready(String messageId, String mobile, String body, int attempts) {
    }

    @Override
    protected boolean enabled() {
        return enabled && gateway.configured();
    }

    @Override
    protected boolean round() {
        runOnce(clock.instant());
        return false;
    }

    @Override
    protected String describeFailure(Exception e) {
        return "round failed, retried next round: " + e.getClass().getSimpleName();
    }

    public Round runOnce(Instant now) {
        int parked = inTransaction(pool, tx -> messages.parkAbandoned(tx, now));
        if (parked > 0) {
            LOG.warnf("%d message(s) left SENDING by a stopped sender were parked, not sent again", parked);
        }
        gateway.keepBound();
        int[] counts = new int[2];
        int sent = 0;
        int failed = 0;
        Claimed claimed;
        do {
            claimed = inTransaction(pool, tx -> prepare(tx, now, counts));
            for (Ready r : claimed.ready()) {
                switch (send(r, now)) {
                    case SENT -> sent++;
                    case FAILED -> failed++;
                    default -> parked++;
                }
            }
        } while (claimed.count() == BATCH);
        if (sent + failed + parked + counts[1] > 0) {
            LOG.infof("SMS: %d sent, %d waiting, %d dropped, %d failed, %d parked", sent, counts[0], counts[1],
                    failed, parked);
        }
        return new Round(sent, counts[0], counts[1], failed, parked);
    }

    private enum Sent {
        SENT, FAILED, PARKED
    }

    /** Asks the SMSC, and records its answer: SENT, tried again later (FAILED), or PARKED. */
    private Sent send(Ready r, Instant now) {
        try {
            String smscId = gateway.submit(r.mobile(), r.body());
            inTransaction(pool, tx -> {
                messages.sent(tx, r.messageId(), smscId, clock.instant());
                return null;
            });
            return Sent.SENT;
        } catch (SmppGateway.NotSent e) {
            boolean park = r.attempts() + 1 >= MAX_ATTEMPTS;
            Instant retry = now.plus(Duration.ofSeconds(30L << Math.min(r.attempts(), 8)));
            inTransaction(pool, tx -> {
                messages.failed(tx, r.messageId(), e.getMessage(), retry, park);
                return null;
            });
            return park ? Sent.PARKED : Sent.FAILED;
        } catch (SmppGateway.Uncertain e) {
            inTransaction(pool, tx -> {
                messages.failed(tx, r.messageId(), e.getMessage() + ": parked, it may have gone out", null, true);
                return null;
            });
            return Sent.PARKED;
        }
    }

    /** Claims due messages and settles each: send (marked SENDING, with its text), wait, or drop. */
    private Claimed prepare(SqlConnection tx, Instant now, int[] counts) {
        List<Ready> ready = new ArrayList<>();
        List<Message> due = messages.claimDue(tx, now, BATCH);
        for (Message m : due) {
            CaseRepository.StoredCase stored = cases.find(tx, m.caseNumber());
            ContactVault.Contact contact = stored == null ? null : vault.open(tx, m.caseNumber());
            String mobile = contact == null ? null : SmsRatings.mobile(contact.mobile());
            if (mobile == null) {
                messages.drop(tx, m.messageId(), "no mobile to send to (none given, or the evaluator was forgotten)",
                        now);
                counts[1]++;
                continue;
            }
            ServiceCase c = stored.serviceCase();
            JurisdictionPolicy policy = reference.policyFor(c.regionCode(), c.completedAt());
            ZoneId zone = ZoneId.of(policy.zone());
            String phoneKey = pseudonyms.pseudonym("PHONE", mobile);
            Instant startOfDay = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            MessageRules.Decision decision = MessageRules.decide(m.kind(), policy.messaging(), zone, now,
                    messages.optedOut(tx, phoneKey), messages.sentSince(tx, phoneKey, startOfDay));
            if (decision.action() == MessageRules.Action.WAIT) {
                messages.waitUntil(tx, m.messageId(), decision.until(), phoneKey);
                counts[0]++;
                continue;
            }
            if (decision.action() == MessageRules.Action.DROP) {
                messages.drop(tx, m.messageId(), decision.reason(), now);
                counts[1]++;
                continue;
            }
            Outcome<String> body = m.body() != null ? Outcome.done(m.body()) : compose(tx, m, c, mobile);
            if (!(body instanceof Outcome.Done<String> text)) {
                messages.drop(tx, m.messageId(), "no longer to be sent: " + why(body), now);
                counts[1]++;
                continue;
            }
            messages.sending(tx, m.messageId(), phoneKey, text.value(), SmsText.segments(text.value()),
                    now.plus(claim));
            ready.add(new Ready(m.messageId(), mobile, text.value(), m.attempts()));
        }
        return new Claimed(due.size(), ready);
    }

    /** The message's text, and for an invitation or a reminder the link and the invitation a reply answers. */
    private Outcome<String> compose(SqlConnection tx, Message m, ServiceCase c, String mobile) {
        return switch (m.kind()) {
            // Sent to the mobile the case's evaluator gave: a rating answering it is theirs (R2.5).
            case INVITATION -> invitations.invite(tx, c.caseNumber(), null, mobile, "sms-sender", "sms.invitation",
                    true).map(SmsRatings.Invitation::message);
            case REMINDER -> invitations.invite(tx, c.caseNumber(), null, mobile, "sms-sender", "sms.reminder",
                    true).map(SmsRatings.Invitation::message);
            case FEEDBACK -> Outcome.done(Messages.render("sms.feedback", Messages.ZH,
                    links.followUpUrl(tx, m.ratingId(), c.caseNumber())));
        };
    }

    private static String why(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Rejected<?> r && !r.violations().isEmpty()) {
            return Messages.render(r.violations().get(0).text(), Messages.EN);
        }
        if (outcome instanceof Outcome.Conflict<?> c) {
            return c.detail();
        }
        return outcome instanceof Outcome.NotFound<?> n ? n.detail() : outcome.getClass().getSimpleName();
    }
}
