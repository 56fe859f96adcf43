package org.hcp.sync.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.crypto.Keys;
import org.hcp.events.EventJson;
import org.hcp.kit.messaging.BackgroundLoop;
import org.hcp.sync.province.ProvinceEnvelope;
import org.hcp.sync.repository.SyncPushRepository.Batch;
import org.hcp.sync.repository.SyncPushRepository;
import org.jboss.logging.Logger;

/**
 * The push to the provincial platform (R5.2, docs/sync.md): batches of the province's feed ({@link SyncFeed}), one at
 * a time and in order, each sealed for the province ({@link ProvinceEnvelope}) and sent until the province
 * acknowledges it. A failed send is tried again with a doubling pause; after {@code max-attempts} the batch is parked
 * (visible at {@code /api/v1/sync/push/batches}, retried every {@code parked-retry} or at once by an admin), never
 * dropped. Everything it knows is in its tables, so a restart resumes with the same batch and batch id, which the
 * province uses to drop a repeat.
 */
@Singleton
public class ProvincePush extends BackgroundLoop {

    private static final Logger LOG = Logger.getLogger(ProvincePush.class);
    private static final String NAME = "province-push";

    private final SyncFeed feed;
    private final SyncPushRepository batches;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Settings settings;
    private final HttpClient http;
    private final Counter sent;

    /** The push's configuration, read once. */
    record Settings(boolean enabled, URI url, String province, String appMark, int batchSize, int maxAttempts,
            Duration timeout, Duration backoff, Duration parkedRetry, PrivateKey ours, PublicKey provinceKey) {
    }

    public ProvincePush(SyncFeed feed, SyncPushRepository batches, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.sync.push.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "hcp.sync.push.url") Optional<URI> url,
            @ConfigProperty(name = "hcp.sync.push.province") Optional<String> province,
            @ConfigProperty(name = "hcp.sync.push.app-mark", defaultValue = "HCP") String appMark,
            @ConfigProperty(name = "hcp.sync.push.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "hcp.sync.push.max-attempts", defaultValue = "5") int maxAttempts,
            @ConfigProperty(name = "hcp.sync.push.timeout", defaultValue = "PT10S") Duration timeout,
            @ConfigProperty(name = "hcp.sync.push.backoff", defaultValue = "PT2S") Duration backoff,
            @ConfigProperty(name = "hcp.sync.push.parked-retry", defaultValue = "PT10M") Duration parkedRetry,
            @ConfigProperty(name = "hcp.sync.push.signing-key") Optional<String> signingKey,
            @ConfigProperty(name = "hcp.sync.push.province-key") Optional<String> provinceKey) {
        super(NAME, Duration.ofSeconds(1), Duration.ofSeconds(30), metrics);
        this.feed = feed;
        this.batches = batches;
        this.clock = clock;
        this.metrics = metrics;
        if (enabled && (url.isEmpty() || province.isEmpty() || signingKey.isEmpty() || provinceKey.isEmpty())) {
            throw new IllegalStateException("hcp.sync.push.enabled needs hcp.sync.push.url, .province, .signing-key "
                    + "and .province-key (docs/sync.md, \"Push\")");
        }
        this.settings = new Settings(enabled, url.orElse(null), province.orElse(null), appMark, batchSize,
                maxAttempts, timeout, backoff, parkedRetry,
                enabled ? Keys.privateKey(Keys.SM2, signingKey.get()) : null,
                enabled ? Keys.publicKey(Keys.SM2, provinceKey.get()) : null);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.sent = Counter.builder("hcp.sync.push.records").description("records the province acknowledged")
                .register(metrics);
    }

    @Override
    protected boolean enabled() {
        return settings.enabled();
    }

    @Override
    protected void starting() {
        LOG.infof("pushing province %s to %s", settings.province(), settings.url());
    }

    @Override
    protected String describeFailure(Exception e) {
        return "cannot push to the province: " + e.getMessage();
    }

    /** One round: send the open batch when it is due, or make the next one; how long to wait before the next. */
    @Override
    protected Duration step() {
        Instant now = clock.instant();
        Optional<Batch> head = batches.head(settings.province());
        if (head.isEmpty()) {
            return next(now) ? Duration.ZERO : Duration.ofSeconds(1);
        }
        Batch batch = head.get();
        if (batch.nextAttemptAt().isAfter(now)) {
            return Duration.ofMillis(Math.min(1000, Duration.between(now, batch.nextAttemptAt()).toMillis()));
        }
        if (!batches.lease(batch, now, now.plus(settings.timeout().multipliedBy(2)))) {
            return Duration.ofMillis(200);
        }
        send(batch, now);
        return Duration.ZERO;
    }

    /**
     * Reads the feed after the cursor into the next batch; false when the province is caught up. A rating or case
     * already put in a batch (the log may hold an event twice: the relay publishes at least once) is left out.
     */
    private boolean next(Instant now) {
        String cursor = batches.cursor(settings.province());
        SyncFeed.Page page = feed.page(cursor, settings.batchSize(), settings.province());
        List<String> keys = page.items().stream().map(ProvincePush::recordKey).filter(java.util.Objects::nonNull)
                .toList();
        java.util.Set<String> seen = new java.util.HashSet<>(batches.alreadySent(settings.province(), keys));
        List<SyncFeed.Item> kept = new ArrayList<>();
        List<String> keptKeys = new ArrayList<>();
        for (SyncFeed.Item item : page.items()) {
            String key = recordKey(item);
            if (key == null || seen.add(key)) {
                kept.add(item);
                if (key != null) {
                    keptKeys.add(key);
                }
            }
        }
        if (kept.isEmpty()) {
            if (!page.next().equals(cursor)) {
                batches.skipTo(settings.province(), page.next());
            }
            return !page.caughtUp();
        }
        batches.add(settings.province(), cursor, page.next(), kept.size(), params(kept), keptKeys, now);
        return true;
    }

    /** What makes a record the same one again: a rating by its id, a case by its number; a status change never. */
    static String recordKey(SyncFeed.Item item) {
        return switch (item.kind()) {
            case "evaluate" -> "evaluate:" + item.record().get("evaluateId");
            case "case" -> "case:" + item.record().get("projectNo");
            default -> null;
        };
    }

    private void send(Batch batch, Instant now) {
        String time = org.hcp.sync.province.ProvinceRecords.assessTime(now);
        ProvinceEnvelope.Body body = ProvinceEnvelope.seal(settings.appMark(), time, batch.batchId(), batch.params(),
                settings.provinceKey(), settings.ours());
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(settings.url())
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Map<?, ?> answer = response.statusCode() / 100 == 2 ? EventJson.mapper().readValue(response.body(),
                    Map.class) : Map.of();
            if (!"0".equals(String.valueOf(answer.get("code")))) {
                throw new IllegalStateException("the province answered " + response.statusCode() + " "
                        + abbreviate(response.body()));
            }
            int accepted = answer.get("accepted") instanceof Number n ? n.intValue() : batch.records();
            batches.acknowledged(batch, accepted, clock.instant());
            sent.increment(batch.records());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            long pause = settings.backoff().toMillis() << Math.min(batch.attempts(), 10);
            Instant failedAt = clock.instant();
            batches.failed(batch, abbreviate(e.toString()), failedAt.plusMillis(pause),
                    failedAt.plus(settings.parkedRetry()), settings.maxAttempts());
            LOG.warnf("batch %s to province %s failed (attempt %d): %s", batch.batchId(), settings.province(),
                    batch.attempts() + 1, abbreviate(e.toString()));
        }
    }

    /** The batch as the interface's {@code params}: its cases first, then its ratings, then later status changes. */
    static String params(List<SyncFeed.Item> items) {
        Map<String, List<Map<String, Object>>> params = new LinkedHashMap<>();
        params.put("projects", new ArrayList<>());
        params.put("evaluate", new ArrayList<>());
        params.put("statusChanges", new ArrayList<>());
        for (SyncFeed.Item item : items) {
            String list = switch (item.kind()) {
                case "case" -> "projects";
                case "evaluate" -> "evaluate";
                default -> "statusChanges";
            };
            params.get(list).add(item.record());
        }
        try {
            return EventJson.mapper().writeValueAsString(params);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** It works for others: a failure here is an operator's alarm (wellness), the API still answers. */
    @Override
    public boolean neededForRequests() {
        return false;
    }
}
