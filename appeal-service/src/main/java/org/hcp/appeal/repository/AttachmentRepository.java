package org.hcp.appeal.repository;

import static org.hcp.kit.db.Transactions.update;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hcp.events.appeal.AppealEvidenceAdded;

/** An appeal's evidence bytes, stored beside the event that names their hash. */
@ApplicationScoped
public class AttachmentRepository {

    private final Pool pool;

    public AttachmentRepository(Pool pool) {
        this.pool = pool;
    }

    public record Attachment(String fileName, String mediaType, String sha256, byte[] content) {
    }

    public void store(SqlConnection tx, AppealEvidenceAdded e, byte[] content) {
        update(tx, "INSERT INTO appeal_attachment (attachment_id, rating_id, file_name, media_type, size_bytes, sha256, "
                + "content, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                Tuple.tuple(List.of(e.attachmentId(), e.ratingId(), e.fileName(), e.mediaType(),
                        (int) e.sizeBytes(), e.sha256(), Buffer.buffer(content).getDelegate(), e.addedBy(),
                        e.addedAt().atOffset(ZoneOffset.UTC))));
    }

    /** An attachment of the appeal on {@code ratingId}, if that appeal lies within the region / institution given. */
    public Uni<Optional<Attachment>> find(String ratingId, String attachmentId, String regionPrefix,
            String institution) {
        return pool.preparedQuery("SELECT t.file_name, t.media_type, t.sha256, t.content FROM appeal_attachment t "
                        + "JOIN appeal a ON a.rating_id = t.rating_id WHERE t.rating_id = $1 AND t.attachment_id = $2 "
                        + "AND ($3::text IS NULL OR a.region_code LIKE $3 || '%') "
                        + "AND ($4::text IS NULL OR a.institution_code = $4)")
                .execute(Tuple.of(ratingId, attachmentId, regionPrefix, institution))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new Attachment(r.getString("file_name"), r.getString("media_type"),
                            r.getString("sha256"), r.getBuffer("content").getBytes()));
                });
    }
}
