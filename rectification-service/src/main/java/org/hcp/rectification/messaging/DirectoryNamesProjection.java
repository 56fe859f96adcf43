package org.hcp.rectification.messaging;

import static org.hcp.kit.db.Transactions.update;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
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

/**
 * R2.7: the names of institutions and items from hcp.directory, for the public page of rectification results (a
 * result names its unit and item). Idempotent: a version is written once, a replay writes the same rows.
 */
@Singleton
public class DirectoryNamesProjection extends Projection<EventPayload> {

    private static final Set<DirectoryKind> KEPT = Set.of(DirectoryKind.INSTITUTION, DirectoryKind.ITEM);

    public DirectoryNamesProjection(Projection.Support support,
            @ConfigProperty(name = "hcp.rectification.consumer-group") String groupId) {
        super("directory-names", EventPayload.class, List.of(Topics.DIRECTORY), groupId + "-directory", support);
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<EventPayload> batch) {
        for (EventEnvelope<EventPayload> event : batch.events()) {
            if (event.payload() instanceof DirectoryEntryRecorded e && KEPT.contains(e.kind())) {
                update(tx, "INSERT INTO directory_name (kind, code, version, name, effective_from) "
                        + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING", Tuple.of(e.kind().name(), e.code(),
                        e.version(), e.name(), e.effectiveFrom().atOffset(ZoneOffset.UTC)));
            }
        }
    }
}
