package org.hcp.intake.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.intake.repository.RectificationProgressRepository;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;

/**
 * R2.4 (件件有反馈): the rectification steps the evaluator's link shows, from {@code hcp.rectifications}, so that the
 * citizen's page reads intake's own database and never calls another service.
 */
@Singleton
public class RectificationProgressProjection extends Projection<EventPayload> {

    private final RectificationProgressRepository progress;

    public RectificationProgressProjection(RectificationProgressRepository progress, Projection.Support support,
            @ConfigProperty(name = "hcp.intake.consumer-group") String groupId) {
        super("rectification-progress", EventPayload.class, List.of(Topics.RECTIFICATIONS),
                groupId + "-rectifications", support);
        this.progress = progress;
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<EventPayload> batch) {
        progress.record(tx, batch.events());
    }
}
