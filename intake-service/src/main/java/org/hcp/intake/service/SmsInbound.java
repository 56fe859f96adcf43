package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.hcp.events.outcome.Outcome;
import org.hcp.intake.repository.OutboundMessageRepository;
import org.hcp.intake.sms.SmppGateway;
import org.hcp.kit.text.Messages;
import org.jboss.logging.Logger;

/**
 * What arrives from the SMSC (issue 29): a delivery receipt marks its message; an evaluator's message either
 * unsubscribes (退订: TD, T, 退订) or rates the case its latest invitation was for, exactly as a reply pushed to
 * {@code POST /api/v1/sms/replies} does, and is answered at once. The number is used, never kept or logged.
 */
@ApplicationScoped
public class SmsInbound {

    private static final Logger LOG = Logger.getLogger(SmsInbound.class);
    static final Set<String> OPT_OUT = Set.of("TD", "T", "退订");

    private final Pool pool;
    private final SmsRatings ratings;
    private final OutboundMessageRepository messages;
    private final EvaluatorPseudonyms pseudonyms;
    private final SmppGateway gateway;
    private final Clock clock;

    public SmsInbound(Pool pool, SmsRatings ratings, OutboundMessageRepository messages, EvaluatorPseudonyms pseudonyms,
            SmppGateway gateway, Clock clock) {
        this.pool = pool;
        this.ratings = ratings;
        this.messages = messages;
        this.pseudonyms = pseudonyms;
        this.gateway = gateway;
        this.clock = clock;
    }

    public void receipt(String smscMessageId, boolean delivered, String state) {
        Instant now = clock.instant();
        int marked = inTransaction(pool, tx -> messages.receipt(tx, smscMessageId, delivered, state, now));
        if (marked == 0) {
            LOG.debugf("a delivery receipt for no message of ours (%s)", state);
        }
    }

    public void message(String from, String text) {
        String mobile = SmsRatings.mobile(from);
        if (mobile == null) {
            LOG.warn("an inbound SMS from a number that is not a mainland mobile was ignored");
            return;
        }
        Instant now = clock.instant();
        String body = text == null ? "" : text.strip();
        if (OPT_OUT.contains(body.toUpperCase(Locale.ROOT))) {
            inTransaction(pool, tx -> {
                messages.optOut(tx, pseudonyms.pseudonym("PHONE", mobile), now);
                return null;
            });
            LOG.info("an evaluator unsubscribed (TD)");
            answer(mobile, Messages.render("sms.optedOut", Messages.ZH));
            return;
        }
        // SMPP gives a mobile-originated message no id of its own: the same text from the same phone within a minute
        // (an SMSC redelivering it) is the same message.
        String messageId = "smpp-" + digest(mobile + "\n" + body + "\n" + now.truncatedTo(ChronoUnit.MINUTES));
        Outcome<SmsRatings.Answer> answer = ratings.reply(new SmsRatings.InboundReply(messageId, mobile, body, now));
        if (answer instanceof Outcome.Done<SmsRatings.Answer> done) {
            answer(mobile, done.value().reply());
        }
    }

    /** The answer to an evaluator's own message goes at once, whatever the hour: it is what they just asked for. */
    private void answer(String mobile, String text) {
        try {
            gateway.submit(mobile, text);
        } catch (SmppGateway.NotSent | SmppGateway.Uncertain e) {
            LOG.warnf("the answer to an inbound SMS was not sent: %s", e.getMessage());
        }
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
