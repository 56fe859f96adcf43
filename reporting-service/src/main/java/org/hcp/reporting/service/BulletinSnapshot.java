package org.hcp.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.Topics;
import org.hcp.events.Watermark;
import org.hcp.kit.messaging.KafkaClients;
import org.hcp.kit.messaging.LogReplay;
import org.hcp.reporting.domain.CutOff;
import org.hcp.reporting.repository.BulletinCopyRepository;
import org.hcp.reporting.repository.StatisticsRepository;
import org.jboss.logging.Logger;

/**
 * R4.3: the read model as of a bulletin's cut-off. The live counters already hold events recorded after any instant
 * in the past, so bulletins are composed from {@link StatisticsRepository#BULLETIN_SCHEMA}, brought to each
 * publication's cut-off by replaying the log with the same writer as the live projection, keeping only the events
 * recorded by the cut-off: the figures {@code ./hcp audit bulletins} recomputes as of the bulletin's instant. The copy
 * stays between publications, so each adds only what was recorded since the last. Blocking; one publication at a time
 * (the caller holds the copy's lock).
 */
@ApplicationScoped
public class BulletinSnapshot {

    private static final Logger LOG = Logger.getLogger(BulletinSnapshot.class);

    private final StatisticsReplay replay;
    private final BulletinCopyRepository position;
    private final KafkaClients clients;
    private final Clock clock;
    private final List<String> sources;

    public BulletinSnapshot(StatisticsReplay replay, BulletinCopyRepository position, KafkaClients clients,
            Clock clock,
            @ConfigProperty(name = "hcp.bulletin.sources") List<String> sources,
            @ConfigProperty(name = "hcp.bulletin.await-watermarks") boolean awaitWatermarks) {
        this.replay = replay;
        this.position = position;
        this.clients = clients;
        this.clock = clock;
        this.sources = awaitWatermarks ? List.copyOf(sources) : List.of();
    }

    /** A month's bulletins cannot be composed yet: {@code reason} says which producer is behind. */
    public static final class NotComplete extends RuntimeException {
        public NotComplete(String reason) {
            super(reason);
        }
    }

    /**
     * Refills the bulletin copy up to the cut-off the watermarks allow now, and answers it.
     *
     * @throws NotComplete when a source has published no watermark, or the cut-off lies inside {@code month}
     */
    public Instant prepare(YearMonth month) {
        try (KafkaConsumer<String, String> consumer = clients.consumer(null, "reporting-bulletin-snapshot", 2000)) {
            CutOff cutOff = CutOff.of(sources, watermarks(consumer), clock.instant());
            if (!cutOff.covers(month)) {
                throw new NotComplete(cutOff.at() == null
                        ? cutOff.behind() + " has published no watermark yet: its events cannot be known complete"
                        : "the events of " + cutOff.behind() + " are known complete only up to " + cutOff.at()
                                + ", inside " + month);
            }
            // The ends are read after the watermarks: every event a watermark covers is before them.
            replay(consumer, cutOff);
            return cutOff.at();
        }
    }

    /** Each producer's latest watermark; a record that is not one is skipped. */
    private static Map<String, Instant> watermarks(KafkaConsumer<String, String> consumer) {
        Map<String, Instant> latest = new HashMap<>();
        List<TopicPartition> partitions = LogReplay.fromTheStart(consumer, Topics.WATERMARKS);
        LogReplay.replayUntil(consumer, consumer.endOffsets(partitions, Duration.ofSeconds(30)), records -> {
            for (ConsumerRecord<String, String> r : records) {
                try {
                    Watermark w = Watermark.read(r.value());
                    latest.merge(w.producer(), w.recordedUpTo(), (a, b) -> a.isAfter(b) ? a : b);
                } catch (IllegalArgumentException notOne) {
                    LOG.warnf("skipping a record of %s that is no watermark (offset %d)", Topics.WATERMARKS,
                            r.offset());
                }
            }
        });
        return latest;
    }

    /**
     * Brings the bulletin copy to the cut-off: from where the last fill stood, adding only the events recorded since
     * (a month's publication then reads the log's tail, not the whole of it); from an emptied copy when there is no
     * position (the first fill after a start, or after a failed one) or the cut-off went back. The position is
     * forgotten before anything is written and recorded once the fill is complete, so a fill that fails is followed
     * by a whole one. The caller holds the copy's lock.
     */
    private void replay(KafkaConsumer<String, String> consumer, CutOff cutOff) {
        long started = System.nanoTime();
        Optional<BulletinCopyRepository.Position> at = position.position()
                .filter(p -> !p.cutOff().isAfter(cutOff.at()));
        position.forget();
        StatisticsReplay.Filled filled = replay.fillUpTo(consumer, StatisticsRepository.BULLETIN_SCHEMA,
                at.map(p -> new StatisticsReplay.Filled(0, p.resume(), p.end())).orElse(null),
                at.map(BulletinCopyRepository.Position::cutOff).orElse(null), cutOff.at());
        position.record(new BulletinCopyRepository.Position(cutOff.at(), filled.resume(), filled.end()));
        LOG.infof("bulletin copy: %d event(s) replayed %s, those recorded by %s kept, in %d ms", filled.read(),
                at.isPresent() ? "after " + at.get().cutOff() : "from the start", cutOff.at(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Once per start: this version of the service may count differently from the one that filled the copy. */
    void onStart(@Observes StartupEvent start) {
        position.forget();
    }
}
