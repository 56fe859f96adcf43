package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.hcp.events.outcome.Outcome;
import org.hcp.intake.repository.OutboundMessageRepository;
import org.hcp.intake.repository.OutboundMessageRepository.Message;
import org.hcp.intake.repository.OutboundMessageRepository.Status;
import org.jboss.logging.Logger;

/** The operators' view of the messages to evaluators (docs/messages.md): what is parked, and sending it again. */
@ApplicationScoped
public class OutboundMessages {

    private static final Logger LOG = Logger.getLogger(OutboundMessages.class);

    private final Pool pool;
    private final OutboundMessageRepository messages;
    private final Clock clock;

    public OutboundMessages(Pool pool, OutboundMessageRepository messages, Clock clock) {
        this.pool = pool;
        this.messages = messages;
        this.clock = clock;
    }

    public List<Message> list(Status status, int page, int size) {
        return inTransaction(pool, tx -> messages.list(tx, status, size, page * size));
    }

    /** A parked message goes to the queue again: the operator has checked that it did not go out. */
    public Outcome<Message> retry(String messageId, String operator) {
        return inTransaction(pool, tx -> {
            Message m = messages.find(tx, messageId);
            if (m == null) {
                return Outcome.<Message>notFound("no message " + messageId);
            }
            if (!messages.retry(tx, messageId, clock.instant())) {
                return Outcome.<Message>conflict("not-parked", org.hcp.events.outcome.Text.of("sms.notParked",
                        m.status()), "message " + messageId + " is " + m.status() + ", not PARKED");
            }
            LOG.infof("parked message %s queued again by %s", messageId, operator);
            return Outcome.done(messages.find(tx, messageId));
        });
    }
}
