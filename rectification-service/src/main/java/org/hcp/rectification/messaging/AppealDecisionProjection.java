package org.hcp.rectification.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;
import org.hcp.rectification.service.RectificationService;

/** R3.4 / R3.5: appeal decisions on hcp.appeals withdraw or resume the rectification of their rating. */
@Singleton
public class AppealDecisionProjection extends Projection<EventPayload> {

    private final RectificationService rectifications;

    public AppealDecisionProjection(RectificationService rectifications, Projection.Support support,
            @ConfigProperty(name = "hcp.rectification.consumer-group") String groupId) {
        super("appeal-decisions", EventPayload.class, List.of(Topics.APPEALS), groupId + "-appeals", support);
        this.rectifications = rectifications;
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<EventPayload> batch) {
        batch.events().forEach(event -> rectifications.decided(tx, event));
    }
}
