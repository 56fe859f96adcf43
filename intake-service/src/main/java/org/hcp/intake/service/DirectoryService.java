package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hcp.events.DirectoryEntryRecorded;
import org.hcp.events.EventEnvelope;
import org.hcp.events.Topics;
import org.hcp.events.outcome.Outcome;
import org.hcp.intake.domain.DirectoryDecider;
import org.hcp.intake.repository.DirectoryRepository;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.outbox.OutboxRelay;
import org.hcp.kit.rest.Correlation;
import org.jboss.logging.Logger;

/**
 * Registering the directory (R1.11): decide (pure, all or nothing), then store each new version and its
 * DirectoryEntryRecorded event in one transaction, so every service projects the same directory.
 */
@ApplicationScoped
public class DirectoryService {

    private static final Logger LOG = Logger.getLogger(DirectoryService.class);

    private final Pool pool;
    private final DirectoryRepository directory;
    private final OutboxRelay relay;
    private final Correlation correlation;
    private final Clock clock;

    public DirectoryService(Pool pool, DirectoryRepository directory, OutboxRelay relay, Correlation correlation,
            Clock clock) {
        this.correlation = correlation;
        this.pool = pool;
        this.directory = directory;
        this.relay = relay;
        this.clock = clock;
    }

    /** What a registration or import changed: entries with a new version, and how many were already so. */
    public record Registered(List<DirectoryEntryRecorded> recorded, int unchanged) {
    }

    public Outcome<Registered> register(List<DirectoryDecider.Registration> registrations, String pointerBase) {
        Instant now = clock.instant();
        UUID requestId = correlation.current();
        Outcome<Registered> outcome = inTransaction(pool, tx -> {
            directory.lockForImport(tx);
            DirectoryDecider.Decision decision = DirectoryDecider.decide(registrations, directory.lookup(tx), now,
                    pointerBase);
            if (!decision.accepted()) {
                return Outcome.<Registered>rejected(decision.violations());
            }
            for (DirectoryEntryRecorded change : decision.changes()) {
                EventEnvelope<DirectoryEntryRecorded> event = EventEnvelope.of(change,
                        DirectoryEntryRecorded.key(change.kind(), change.code()), change.regionCode(), now, now,
                        requestId, requestId, RatingService.PRODUCER);
                directory.record(tx, event);
                Outbox.append(tx, Topics.DIRECTORY, event);
            }
            return Outcome.done(new Registered(decision.changes(),
                    registrations.size() - decision.changes().size()));
        });
        if (outcome instanceof Outcome.Done<Registered> done && !done.value().recorded().isEmpty()) {
            relay.wake();
            LOG.infof("directory: %d entries recorded, %d unchanged", done.value().recorded().size(),
                    done.value().unchanged());
        }
        return outcome;
    }
}
