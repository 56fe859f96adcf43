package org.hcp.intake.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.intake.repository.MaliciousFindingRepository;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;

/**
 * R3.4, R6.1: the appeal decisions intake needs to guard a credit record's contact read: which ratings stand found
 * malicious (RatingNotAdopted with malicious, undone by RatingReinstated), from {@code hcp.appeals}.
 */
@Singleton
public class MaliciousFindingProjection extends Projection<EventPayload> {

    private final MaliciousFindingRepository findings;

    public MaliciousFindingProjection(MaliciousFindingRepository findings, Projection.Support support,
            @ConfigProperty(name = "hcp.intake.consumer-group") String groupId) {
        super("malicious-findings", EventPayload.class, List.of(Topics.APPEALS), groupId + "-appeals", support);
        this.findings = findings;
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<EventPayload> batch) {
        findings.record(tx, batch.events());
    }
}
