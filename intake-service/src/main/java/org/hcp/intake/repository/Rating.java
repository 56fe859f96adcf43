package org.hcp.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An accepted rating as intake stored it, for reading (Panache); written only by {@link RatingRepository}. */
@Entity
@Table(name = "rating")
public class Rating extends PanacheEntityBase {

    @Id
    @Column(name = "rating_id")
    public String ratingId;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "item_code")
    public String itemCode;

    @Column(name = "institution_code")
    public String institutionCode;

    @Column(name = "region_code")
    public String regionCode;

    public String channel;

    public short level;

    public String origin;

    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
