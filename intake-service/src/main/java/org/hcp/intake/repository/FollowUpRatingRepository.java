package org.hcp.intake.repository;

import static org.hcp.intake.repository.CaseRepository.utc;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hcp.events.FollowUpRated;
import org.hcp.kit.db.Transactions;

/** The table {@code follow_up_rating}: a bad review's follow-up rating (追评), once per rating. */
@ApplicationScoped
public class FollowUpRatingRepository {

    /** Records the follow-up; false when this rating has one already (the primary key keeps it to one). */
    public boolean insert(SqlConnection tx, FollowUpRated f) {
        return Transactions.update(tx, "INSERT INTO follow_up_rating (rating_id, follow_up_id, rectification_id, level, "
                + "channel, rated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING", Tuple.tuple()
                .addString(f.ratingId()).addString(f.followUpId()).addString(f.rectificationId())
                .addShort((short) f.level()).addString(f.channel().name()).addOffsetDateTime(utc(f.ratedAt()))) == 1;
    }

    /** The level of this rating's follow-up, or null. */
    public Integer levelOf(SqlConnection tx, String ratingId) {
        List<Row> rows = Transactions.query(tx, "SELECT level FROM follow_up_rating WHERE rating_id = $1",
                Tuple.of(ratingId));
        return rows.isEmpty() ? null : (int) rows.get(0).getShort("level");
    }
}
