package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;
import static org.hcp.kit.db.Transactions.update;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.hcp.events.CaseCompleted;
import org.hcp.events.EventEnvelope;
import org.hcp.events.Topics;
import org.hcp.intake.domain.CaseDecider;
import org.hcp.intake.domain.ContactPurpose;
import org.hcp.intake.domain.ReportCase;
import org.hcp.intake.domain.ServiceCase;
import org.hcp.intake.repository.CaseRepository;
import org.hcp.intake.repository.DirectoryRepository;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.outbox.OutboxRelay;
import org.hcp.kit.rest.Correlation;
import org.hcp.kit.rest.ProblemException;
import org.jboss.logging.Logger;

/**
 * Reporting a completed case: decide (pure), then store the case, its sealed contact details and its CaseCompleted
 * event in one transaction. A retry of the same report answers the same; the same case number with another body
 * is a conflict.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    private final Pool pool;
    private final CaseRepository cases;
    private final DirectoryRepository directory;
    private final EvaluatorPseudonyms pseudonyms;
    private final ContactVault contacts;
    private final ReferenceData reference;
    private final OutboxRelay relay;
    private final Correlation correlation;
    private final Clock clock;

    public CaseService(Pool pool, CaseRepository cases, DirectoryRepository directory, EvaluatorPseudonyms pseudonyms,
            ContactVault contacts, ReferenceData reference, OutboxRelay relay, Correlation correlation, Clock clock) {
        this.pool = pool;
        this.cases = cases;
        this.directory = directory;
        this.pseudonyms = pseudonyms;
        this.contacts = contacts;
        this.reference = reference;
        this.relay = relay;
        this.correlation = correlation;
        this.clock = clock;
    }

    public record Reported(String caseNumber, java.util.UUID eventId, boolean replay, CaseCompleted event) {
    }

    public Reported report(ReportCase command) {
        Instant now = clock.instant();
        UUID requestId = correlation.current();
        ReportCase.EvaluatorContact evaluator = command.evaluator();
        String pseudonym = evaluator == null || evaluator.id() == null || evaluator.id().isBlank() ? null
                : pseudonyms.pseudonym(String.valueOf(evaluator.type()), evaluator.id().trim());
        boolean contactable = evaluator != null && (notBlank(evaluator.mobile()) || notBlank(evaluator.name()));
        String fingerprint = pseudonyms.fingerprint(command);

        Reported reported = inTransaction(pool, tx -> {
            if (command.caseNumber() != null) {
                CaseRepository.StoredCase existing = cases.find(tx, command.caseNumber().trim());
                if (existing != null) {
                    return replay(existing, fingerprint);
                }
            }
            List<org.hcp.intake.domain.ServiceCase> batch = command.batchId() == null || command.batchId().isBlank()
                    ? List.of() : cases.batchMembers(tx, command.batchId().trim());
            CaseDecider.Decision decision = CaseDecider.decide(command, directory.lookup(tx), batch, pseudonym,
                    contactable, now, reference.policies(), reference.calendar());
            if (!decision.accepted()) {
                throw ProblemException.invalid(decision.violations());
            }
            CaseCompleted c = decision.event();
            EventEnvelope<CaseCompleted> event = EventEnvelope.of(c, c.caseNumber(), c.regionCode(), c.completedAt(),
                    now, requestId, requestId, RatingService.PRODUCER);
            if (!cases.insert(tx, event, decision.deadlines(), fingerprint)) {
                // A concurrent report of the same case number committed first.
                return replay(cases.find(tx, c.caseNumber()), fingerprint);
            }
            if (contactable && pseudonym != null) {
                contacts.seal(tx, c.caseNumber(), pseudonym, new ContactVault.Contact(evaluator.name(),
                        evaluator.mobile(), evaluator.id()), now);
            }
            Outbox.append(tx, Topics.CASES, event);
            return new Reported(c.caseNumber(), event.eventId(), false, c);
        });
        if (!reported.replay()) {
            relay.wake();
            // DEBUG: a line per request costs throughput at thousands per second; hcp_outbox_published_total counts.
            LOG.debugf("case %s reported (%s, item %s, institution %s)%s", reported.caseNumber(),
                    reported.event().caseKind(), reported.event().itemCode(), reported.event().institutionCode(),
                    reported.event().deadlinesProvisional() ? "; deadlines provisional: no calendar for the year" : "");
        }
        return reported;
    }

    public CaseRepository.StoredCase find(String caseNumber) {
        return inTransaction(pool, tx -> cases.find(tx, caseNumber));
    }

    /**
     * R6.1: reading an evaluator's contact is a role-checked act, recorded with who, why and when, whatever the
     * outcome. The log line names the case and the reader, never the details.
     *
     * @param mayRead throws when the reader may not read this case's contact (its scope); checked on the case read
     *                in the same transaction, before anything is opened or recorded
     */
    public ContactVault.Contact readContact(String caseNumber, String reader, String role, ContactPurpose purpose,
            Consumer<ServiceCase> mayRead) {
        Instant now = clock.instant();
        return inTransaction(pool, tx -> {
            CaseRepository.StoredCase stored = cases.find(tx, caseNumber);
            if (stored == null) {
                throw ProblemException.notFound("no case " + caseNumber);
            }
            mayRead.accept(stored.serviceCase());
            ContactVault.Contact contact = contacts.open(tx, caseNumber);
            update(tx, "INSERT INTO contact_access (case_number, accessed_by, role, purpose, outcome, accessed_at) "
                            + "VALUES ($1, $2, $3, $4, $5, $6)",
                    Tuple.of(caseNumber, reader, role, purpose.name(), contact == null ? "none" : "read",
                            now.atOffset(ZoneOffset.UTC)));
            LOG.infof("evaluator contact of case %s read by %s (%s) for: %s", caseNumber, reader, role, purpose);
            return contact;
        });
    }

    private static Reported replay(CaseRepository.StoredCase existing, String fingerprint) {
        if (!existing.fingerprint().equals(fingerprint)) {
            throw ProblemException.conflict("case-conflict", "办件编号已被另一办件使用 / The case number is taken",
                    "case " + existing.serviceCase().caseNumber() + " was already reported with a different body; a "
                            + "retry must send the same body");
        }
        return new Reported(existing.serviceCase().caseNumber(), existing.eventId(), true, null);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

}
