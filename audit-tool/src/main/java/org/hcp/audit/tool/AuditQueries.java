package org.hcp.audit.tool;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hcp.audit.AuditFold;
import org.hcp.audit.BulletinAudits.BulletinAudit;
import org.hcp.audit.BulletinAudits;
import org.hcp.audit.CaseHistory;
import org.hcp.events.EventJson;
import org.hcp.events.Topics;
import org.hcp.events.bulletin.BulletinPublished;

/**
 * The auditor's recomputations (R5.3, docs/audit.md) over the log alone: read by a {@link LogReader}, folded by
 * {@link AuditFold}, {@link BulletinAudits} and {@link CaseHistory}. {@code ./hcp audit} and audit-service's auditor
 * API both run these, never a service's own tables.
 */
public final class AuditQueries {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(30);

    private final LogReader log;

    public AuditQueries(LogReader log) {
        this.log = log;
    }

    public AuditQueries(String bootstrapServers) {
        this(LogReader.at(bootstrapServers));
    }

    /** The log folded as it stood at {@code asOf} (null: everything it holds now). */
    public AuditFold foldAsOf(Instant asOf) {
        return foldAsOf(asOf, null);
    }

    /** The figures' events of {@code regionPrefix} (null: all) folded as they stood at {@code asOf} (null: now). */
    public AuditFold foldAsOf(Instant asOf, String regionPrefix) {
        AuditFold fold = regionPrefix == null ? new AuditFold(asOf) : new AuditFold(asOf, regionPrefix);
        log.forEach(AuditFold.TOPICS, READ_TIMEOUT, r -> fold.accept(r.topic(), r.partition(), r.offset(), r.value()));
        return fold;
    }

    /** Every published bulletin of {@code month} (null: all) within {@code regionPrefix} (null: all), each audited. */
    public List<BulletinAudit> bulletins(String month, String regionPrefix) {
        List<BulletinPublished> bulletins = new ArrayList<>();
        log.forEach(List.of(Topics.BULLETINS), READ_TIMEOUT, r -> {
            BulletinPublished b = EventJson.read(r.value(), BulletinPublished.class).payload();
            if ((month == null || month.equals(b.month()))
                    && (regionPrefix == null || b.regionCode().startsWith(regionPrefix))) {
                bulletins.add(b);
            }
        });
        return BulletinAudits.auditAll(bulletins, asOf -> foldAsOf(asOf, regionPrefix));
    }

    /** Every event of one case, in the order recorded, without the evaluator. */
    public List<CaseHistory.Entry> caseHistory(String caseNumber) {
        CaseHistory history = new CaseHistory(caseNumber);
        log.forEach(CaseHistory.FIRST_PASS, READ_TIMEOUT,
                r -> history.first(r.topic(), r.partition(), r.offset(), r.value()));
        log.forEach(CaseHistory.SECOND_PASS, READ_TIMEOUT,
                r -> history.second(r.topic(), r.partition(), r.offset(), r.value()));
        return history.entries();
    }
}
