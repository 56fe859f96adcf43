package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.hcp.events.CaseCompleted;
import org.hcp.events.EventEnvelope;
import org.hcp.events.Topics;
import org.hcp.events.policy.MessageKind;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Text;
import org.hcp.intake.domain.CaseDecider;
import org.hcp.intake.domain.ContactPurpose;
import org.hcp.intake.domain.DirectoryEntry;
import org.hcp.intake.domain.ReportCase;
import org.hcp.intake.domain.ServiceCase;
import org.hcp.intake.repository.CaseRepository;
import org.hcp.intake.repository.ContactRepository;
import org.hcp.intake.repository.OutboundMessageRepository;
import org.hcp.intake.repository.DirectoryRepository;
import org.hcp.intake.repository.MaliciousFindingRepository;
import org.hcp.kit.db.Transactions;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.outbox.OutboxRelay;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.rest.Correlation;
import org.hcp.kit.text.LogText;
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
    private final MaliciousFindingRepository findings;
    private final ContactRepository contactAccess;
    private final OutboundMessageRepository messages;

    public CaseService(Pool pool, CaseRepository cases, DirectoryRepository directory, EvaluatorPseudonyms pseudonyms,
            ContactVault contacts, ReferenceData reference, OutboxRelay relay, Correlation correlation, Clock clock,
            MaliciousFindingRepository findings, ContactRepository contactAccess, OutboundMessageRepository messages) {
        this.pool = pool;
        this.cases = cases;
        this.directory = directory;
        this.pseudonyms = pseudonyms;
        this.contacts = contacts;
        this.reference = reference;
        this.relay = relay;
        this.correlation = correlation;
        this.clock = clock;
        this.findings = findings;
        this.contactAccess = contactAccess;
        this.messages = messages;
    }

    public record Reported(String caseNumber, java.util.UUID eventId, boolean replay, CaseCompleted event) {
    }

    /**
     * Reads together (the case number, its batch, the directory entries it names), decides, writes together: a few
     * round trips per report whatever it holds (docs/performance.md).
     */
    public Uni<Outcome<Reported>> report(ReportCase command) {
        Instant now = clock.instant();
        UUID requestId = correlation.current();
        ReportCase.EvaluatorContact evaluator = command.evaluator();
        String pseudonym = evaluator == null || evaluator.id() == null || evaluator.id().isBlank() ? null
                : pseudonyms.pseudonym(String.valueOf(evaluator.type()), evaluator.id().trim());
        boolean contactable = evaluator != null && (notBlank(evaluator.mobile()) || notBlank(evaluator.name()));
        Request request = new Request(command, pseudonym, contactable, pseudonyms.fingerprint(command), now,
                requestId);
        return Transactions.chain(pool, tx -> reportIn(tx, request))
                // A concurrent report of the same case number committed first: the second try finds it.
                .onFailure(Retry.class).recoverWithUni(() -> Transactions.chain(pool, tx -> reportIn(tx, request)))
                .invoke(outcome -> {
                    if (outcome instanceof Outcome.Done<Reported> done && !done.value().replay()) {
                        Reported reported = done.value();
                        relay.wake();
                        // DEBUG: a line per request costs throughput at thousands per second; metrics count.
                        LOG.debugf("case %s reported (%s, item %s, institution %s)%s", reported.caseNumber(),
                                reported.event().caseKind(), reported.event().itemCode(),
                                reported.event().institutionCode(), reported.event().deadlinesProvisional()
                                        ? "; deadlines provisional: no calendar for the year" : "");
                    }
                });
    }

    /** A report with what is computed before its transaction. */
    private record Request(ReportCase command, String pseudonym, boolean contactable, String fingerprint,
            Instant now, UUID requestId) {
    }

    private Uni<Outcome<Reported>> reportIn(SqlConnection tx, Request request) {
        ReportCase command = request.command();
        String caseNumber = command.caseNumber() == null ? null : command.caseNumber().trim();
        String batchId = command.batchId() == null || command.batchId().isBlank() ? null : command.batchId().trim();
        Set<DirectoryEntry.Key> keys = CaseDecider.directoryKeys(command);
        Uni<CaseRepository.StoredCase> existing = caseNumber == null ? Uni.createFrom().nullItem()
                : cases.findInChain(tx, caseNumber);
        Uni<List<ServiceCase>> batch = batchId == null ? Uni.createFrom().item(List.of())
                : cases.batchMembersInChain(tx, batchId);
        Uni<DirectoryEntry.Lookup> entries = directory.prefetch(tx, keys);
        return Uni.combine().all().unis(existing, batch, entries).asTuple().chain(read -> {
            if (read.getItem1() != null) {
                return Uni.createFrom().item(replay(read.getItem1(), request.fingerprint()));
            }
            CaseDecider.Decision decision = CaseDecider.decide(command, read.getItem3(), read.getItem2(),
                    request.pseudonym(), request.contactable(), request.now(), reference.policies(),
                    reference.calendar());
            if (!decision.accepted()) {
                return Uni.createFrom().item(Outcome.<Reported>rejected(decision.violations()));
            }
            CaseCompleted c = decision.event();
            EventEnvelope<CaseCompleted> event = EventEnvelope.of(c, c.caseNumber(), c.regionCode(), c.completedAt(),
                    request.now(), request.requestId(), request.requestId(), RatingService.PRODUCER);
            ReportCase.EvaluatorContact evaluator = command.evaluator();
            Uni<Boolean> inserted = cases.insert(tx, event, decision.deadlines(), request.fingerprint());
            Uni<Void> sealed = request.contactable() && request.pseudonym() != null
                    ? contacts.seal(tx, c.caseNumber(), request.pseudonym(), new ContactVault.Contact(
                            evaluator.name(), evaluator.mobile(), evaluator.id()), request.now())
                    : Uni.createFrom().voidItem();
            Uni<Void> appended = Outbox.appendAll(tx, Topics.CASES, List.of(event));
            // R1.8: the platform invites the evaluator itself where a mobile was given (and the policy sends it).
            Uni<Void> invited = evaluator != null && notBlank(evaluator.mobile())
                    ? sealed.chain(() -> messages.queueForContact(tx, MessageKind.INVITATION, c.caseNumber(),
                            c.completedAt(), request.now()))
                    : sealed;
            return Uni.combine().all().unis(inserted, invited, appended).asTuple().map(written -> {
                if (!written.getItem1()) {
                    throw new Retry();
                }
                return Outcome.done(new Reported(c.caseNumber(), event.eventId(), false, c));
            });
        });
    }

    /** A concurrent report of the same case number committed first; roll back, and the retry replays it. */
    private static final class Retry extends RuntimeException {
        Retry() {
            super(null, null, false, false);
        }
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
    /**
     * R6.1: the evaluator's contact for a stated purpose. Every attempt is recorded, refused ones too, with who asked,
     * in which role, for what and what came of it ({@code read}, {@code none}, {@code refused}). A case outside the
     * reader's scope answers as an unknown one does; a purpose that is not the role's duty, or a credit record the
     * case's policy does not keep, is forbidden.
     */
    public Outcome<ContactVault.Contact> readContact(String caseNumber, String reader, String role,
            ContactPurpose purpose, Predicate<ServiceCase> visible) {
        Instant now = clock.instant();
        return inTransaction(pool, tx -> {
            CaseRepository.StoredCase stored = cases.find(tx, caseNumber);
            if (stored == null || !visible.test(stored.serviceCase())) {
                recordAccess(tx, caseNumber, reader, role, purpose, "refused", now);
                return Outcome.<ContactVault.Contact>notFound("no case " + caseNumber + " within the caller's scope");
            }
            ServiceCase c = stored.serviceCase();
            boolean foundMalicious = purpose == ContactPurpose.CREDIT_RECORD && findings.foundMalicious(tx, caseNumber);
            if (!purpose.fits(role, reference.policyFor(c.regionCode(), c.completedAt()), foundMalicious)) {
                recordAccess(tx, caseNumber, reader, role, purpose, "refused", now);
                return Outcome.<ContactVault.Contact>forbidden("purpose " + purpose + " is not a " + role
                        + "'s to state for this case (R6.1)");
            }
            ContactVault.Contact contact = contacts.open(tx, caseNumber);
            recordAccess(tx, caseNumber, reader, role, purpose, contact == null ? "none" : "read", now);
            LOG.infof("evaluator contact of case %s read by %s (%s) for: %s", LogText.safe(caseNumber),
                    LogText.safe(reader), role, purpose);
            return contact == null ? Outcome.<ContactVault.Contact>notFound("case " + caseNumber + " holds no "
                    + "evaluator contact (anonymous, or the evaluator was forgotten)") : Outcome.done(contact);
        });
    }

    private void recordAccess(SqlConnection tx, String caseNumber, String reader, String role,
            ContactPurpose purpose, String outcome, Instant now) {
        contactAccess.recordAccess(tx, caseNumber, reader, role, purpose.name(), outcome, now);
    }

    private static Outcome<Reported> replay(CaseRepository.StoredCase existing, String fingerprint) {
        if (!existing.fingerprint().equals(fingerprint)) {
            return Outcome.conflict("case-conflict", Text.of("case.numberTaken"), "case "
                    + existing.serviceCase().caseNumber() + " was already reported with a different body; a retry "
                    + "must send the same body");
        }
        return Outcome.done(new Reported(existing.serviceCase().caseNumber(), existing.eventId(), true, null));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

}
