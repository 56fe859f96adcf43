package org.hcp.appeal.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.appeal.repository.CaseFileRepository;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;

/** The appeal case file's view of rectification (R3): each rating's rectification and its steps, from the log. */
@Singleton
public class RectificationProgressProjection extends Projection<EventPayload> {

    private final CaseFileRepository caseFiles;

    public RectificationProgressProjection(CaseFileRepository caseFiles, Projection.Support support,
            @ConfigProperty(name = "hcp.appeal.consumer-group") String groupId) {
        super("rectification-progress", EventPayload.class, List.of(Topics.RECTIFICATIONS),
                groupId + "-rectifications", support);
        this.caseFiles = caseFiles;
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<EventPayload> batch) {
        caseFiles.recordRectificationSteps(tx, batch.events());
    }
}
