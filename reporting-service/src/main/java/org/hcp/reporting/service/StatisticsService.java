package org.hcp.reporting.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.hcp.reporting.domain.Satisfaction;
import org.hcp.reporting.repository.StatisticsRepository;

@ApplicationScoped
public class StatisticsService {

    private final StatisticsRepository statistics;

    public StatisticsService(StatisticsRepository statistics) {
        this.statistics = statistics;
    }

    /** R4.1 satisfaction over a region prefix (R4.2), optionally one institution, between two days inclusive. */
    public Uni<Satisfaction> satisfaction(String regionPrefix, String institution, LocalDate from, LocalDate to) {
        return statistics.levelCounts(regionPrefix, institution, from, to).map(Satisfaction::of);
    }
}
