package org.hcp.localstack.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hcp.events.EventJson;
import org.hcp.events.Topics;
import org.hcp.events.audit.AuditFold;
import org.hcp.events.audit.BulletinAudits;
import org.hcp.events.audit.BulletinAudits.BulletinAudit;
import org.hcp.events.audit.CaseHistory;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.localstack.TopicProbe;

/**
 * The auditor's recomputations (R5.3, docs/audit.md) run against a Kafka cluster: the log read here, folded by
 * {@link AuditFold}, {@link BulletinAudits} and {@link CaseHistory}, which reporting-service's auditor API runs too.
 */
public final class AuditQueries {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(30);

    private final String bootstrapServers;

    public AuditQueries(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The log folded as it stood at {@code asOf} (null: everything it holds now). */
    public AuditFold foldAsOf(Instant asOf) {
        AuditFold fold = new AuditFold(asOf);
        TopicProbe.forEach(bootstrapServers, AuditFold.TOPICS, READ_TIMEOUT,
                r -> fold.accept(r.topic(), r.partition(), r.offset(), r.value()));
        return fold;
    }

    /** Every published bulletin of {@code month} (null: all), within {@code regionPrefix} (null: all). */
    public List<BulletinAudit> bulletins(String month, String regionPrefix) {
        List<BulletinPublished> bulletins = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicProbe.readAll(bootstrapServers, Topics.BULLETINS)) {
            BulletinPublished b = EventJson.read(record.value(), BulletinPublished.class).payload();
            if ((month == null || month.equals(b.month()))
                    && (regionPrefix == null || b.regionCode().startsWith(regionPrefix))) {
                bulletins.add(b);
            }
        }
        return BulletinAudits.auditAll(bulletins, this::foldAsOf);
    }

    /** Every event of one case, in order, without the evaluator. */
    public List<CaseHistory.Entry> caseHistory(String caseNumber) {
        CaseHistory history = new CaseHistory(caseNumber);
        TopicProbe.forEach(bootstrapServers, CaseHistory.FIRST_PASS, READ_TIMEOUT,
                r -> history.first(r.topic(), r.partition(), r.offset(), r.value()));
        TopicProbe.forEach(bootstrapServers, CaseHistory.SECOND_PASS, READ_TIMEOUT,
                r -> history.second(r.topic(), r.partition(), r.offset(), r.value()));
        return history.entries();
    }
}
