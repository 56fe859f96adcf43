package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hcp.events.Channel;
import org.hcp.events.DetailForm;
import org.hcp.events.DirectoryKind;
import org.hcp.events.outcome.Outcome;
import org.hcp.intake.domain.DirectoryDecider;
import org.hcp.intake.domain.DirectoryEntry;
import org.hcp.intake.domain.SubmitRating;
import org.hcp.intake.repository.DirectoryRepository;
import org.hcp.kit.db.Transactions;

/**
 * Window rating pads and self-service kiosks (R1.8): a device is registered in the directory (kind DEVICE) with its
 * institution and, for a pad, its window; its ratings carry them, so a pad cannot rate another window's case.
 */
@ApplicationScoped
public class DeviceRatings {

    private final Pool pool;
    private final DirectoryRepository directory;
    private final RatingService ratings;

    public DeviceRatings(Pool pool, DirectoryRepository directory, RatingService ratings) {
        this.pool = pool;
        this.directory = directory;
        this.ratings = ratings;
    }

    /** What a device sends: the case it just served and the evaluator's choice; where it stands is registered. */
    public record DeviceRating(String ratingId, String caseNumber, String visitId, Integer level, List<String> tags,
            String text, List<SubmitRating.DimensionInput> dimensions, SubmitRating.EvaluatorInput evaluator,
            java.time.Instant ratedAt, DetailForm detailForm) {
    }

    /** A registered, active device: which channel it is and where it stands. */
    public record Device(String deviceId, Channel channel, String institutionCode, String windowCode, String name) {
    }

    public Outcome<Device> device(String deviceId) {
        DirectoryEntry entry = deviceId == null ? null
                : inTransaction(pool, tx -> directory.find(tx, DirectoryKind.DEVICE, deviceId));
        if (entry == null || !entry.active()) {
            return Outcome.notFound("no active device '" + deviceId + "' is registered; register it in the "
                    + "directory (kind DEVICE) with its institution and window");
        }
        Channel channel = Channel.parse(entry.attributes().get(DirectoryDecider.DEVICE_CHANNEL));
        return Outcome.done(new Device(entry.code(), channel, entry.institutionCode(),
                entry.attributes().get(DirectoryDecider.DEVICE_WINDOW), entry.name()));
    }

    public Outcome<RatingOutcome> submit(String deviceId, DeviceRating rating, String idempotencyKey,
            String caller) {
        return device(deviceId).map(device -> submit(device, rating, idempotencyKey, caller));
    }

    private RatingOutcome submit(Device device, DeviceRating rating, String idempotencyKey, String caller) {
        SubmitRating command = SubmitRating.builder().ratingId(rating.ratingId()).caseNumber(rating.caseNumber())
                .institutionCode(device.institutionCode()).windowCode(device.windowCode())
                .channel(device.channel().name()).level(rating.level()).tags(rating.tags()).text(rating.text())
                .dimensions(rating.dimensions()).evaluator(rating.evaluator()).ratedAt(rating.ratedAt())
                .visitId(rating.visitId()).detailForm(rating.detailForm()).build();
        return Transactions.await(ratings.submit(command, idempotencyKey, caller + "/device/" + device.deviceId()));
    }
}
