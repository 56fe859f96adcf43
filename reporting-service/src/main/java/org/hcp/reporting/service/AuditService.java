package org.hcp.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.hcp.events.EventJson;
import org.hcp.events.Topics;
import org.hcp.events.audit.AuditFold;
import org.hcp.events.audit.BulletinAudits;
import org.hcp.events.audit.CaseHistory;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.kit.messaging.KafkaClients;
import org.hcp.kit.messaging.LogReplay;

/**
 * The auditor's recomputations served over HTTP (R5.3, docs/audit.md): the same folds as {@code ./hcp audit}, over
 * the log read here, never over this service's own tables. A figures or bulletin request folds one region only, so
 * that it fits the service's heap; its time grows with the log.
 */
@ApplicationScoped
public class AuditService {

    private final KafkaClients clients;

    public AuditService(KafkaClients clients) {
        this.clients = clients;
    }

    /** The figures' events of {@code regionPrefix}, folded as they stood at {@code asOf} (null: now). */
    public AuditFold foldAsOf(Instant asOf, String regionPrefix) {
        AuditFold fold = new AuditFold(asOf, regionPrefix);
        read(AuditFold.TOPICS, r -> fold.accept(r.topic(), r.partition(), r.offset(), r.value()));
        return fold;
    }

    /** The published bulletins of a month (null: all) within a region, each against the log as of its publication. */
    public List<BulletinAudits.BulletinAudit> bulletins(String month, String regionPrefix) {
        List<BulletinPublished> bulletins = new ArrayList<>();
        read(List.of(Topics.BULLETINS), r -> {
            BulletinPublished b = EventJson.read(r.value(), BulletinPublished.class).payload();
            if ((month == null || month.equals(b.month())) && b.regionCode().startsWith(regionPrefix)) {
                bulletins.add(b);
            }
        });
        return BulletinAudits.auditAll(bulletins, asOf -> foldAsOf(asOf, regionPrefix));
    }

    /** Every event of one case, in the order recorded, without the evaluator. */
    public List<CaseHistory.Entry> caseHistory(String caseNumber) {
        CaseHistory history = new CaseHistory(caseNumber);
        read(CaseHistory.FIRST_PASS, r -> history.first(r.topic(), r.partition(), r.offset(), r.value()));
        read(CaseHistory.SECOND_PASS, r -> history.second(r.topic(), r.partition(), r.offset(), r.value()));
        return history.entries();
    }

    /** Every record of {@code topics} up to where they end now, in partition order. */
    private void read(List<String> topics, Consumer<ConsumerRecord<String, String>> each) {
        try (KafkaConsumer<String, String> consumer = clients.consumer(null, "audit", 5000)) {
            List<TopicPartition> partitions = LogReplay.fromTheStart(consumer, topics);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            LogReplay.replayUntil(consumer, end, batch -> batch.forEach(each));
        }
    }
}
