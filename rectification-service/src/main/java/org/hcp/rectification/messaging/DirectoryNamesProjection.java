package org.hcp.rectification.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.DirectoryEntryRecorded;
import org.hcp.events.DirectoryKind;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;
import org.hcp.rectification.repository.DirectoryNameRepository;

/**
 * R2.7: the names of institutions and items from hcp.directory, for the public page of rectification results (a
 * result names its unit and item).
 */
@Singleton
public class DirectoryNamesProjection extends Projection<EventPayload> {

    private static final Set<DirectoryKind> KEPT = Set.of(DirectoryKind.INSTITUTION, DirectoryKind.ITEM);

    private final DirectoryNameRepository names;

    public DirectoryNamesProjection(DirectoryNameRepository names, Projection.Support support,
            @ConfigProperty(name = "hcp.rectification.consumer-group") String groupId) {
        super("directory-names", EventPayload.class, List.of(Topics.DIRECTORY), groupId + "-directory", support);
        this.names = names;
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<EventPayload> batch) {
        for (EventEnvelope<EventPayload> event : batch.events()) {
            if (event.payload() instanceof DirectoryEntryRecorded e && KEPT.contains(e.kind())) {
                names.record(tx, e);
            }
        }
    }
}
