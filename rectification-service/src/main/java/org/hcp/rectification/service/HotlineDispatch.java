package org.hcp.rectification.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventJson;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.kit.messaging.PeriodicWorker;
import org.hcp.rectification.domain.RectificationDecider;
import org.hcp.rectification.domain.RectificationState;
import org.hcp.rectification.hotline.HotlineSubscribers;
import org.hcp.rectification.repository.HotlineRepository;
import org.hcp.rectification.repository.RectificationRepository;
import org.jboss.logging.Logger;

/**
 * Sends bad reviews to the cities' 12345 platforms as work orders (docs/hotline.md): signed HTTP (HMAC-SHA256 of the
 * body under the subscriber's key), the same work order id on every attempt, a doubling pause after a failure, parked
 * after {@code max-attempts} and tried again every {@code parked-retry}. What the platform took is recorded as the
 * rectification's step WorkOrderDispatched, once. The work order carries no evaluator's data.
 */
@Singleton
public class HotlineDispatch extends PeriodicWorker {

    private static final Logger LOG = Logger.getLogger(HotlineDispatch.class);
    static final int BATCH = 20;

    private final Pool pool;
    private final HotlineRepository hotline;
    private final RectificationRepository rectifications;
    private final RectificationService service;
    private final HotlineSubscribers subscribers;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration timeout;
    private final Duration backoff;
    private final Duration parkedRetry;
    private final HttpClient http;

    public HotlineDispatch(Pool pool, HotlineRepository hotline, RectificationRepository rectifications,
            RectificationService service, HotlineSubscribers subscribers, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.hotline.interval", defaultValue = "PT5S") Duration interval,
            @ConfigProperty(name = "hcp.hotline.max-attempts", defaultValue = "5") int maxAttempts,
            @ConfigProperty(name = "hcp.hotline.timeout", defaultValue = "PT10S") Duration timeout,
            @ConfigProperty(name = "hcp.hotline.backoff", defaultValue = "PT2S") Duration backoff,
            @ConfigProperty(name = "hcp.hotline.parked-retry", defaultValue = "PT10M") Duration parkedRetry) {
        super("hotline-dispatch", interval, metrics);
        this.pool = pool;
        this.hotline = hotline;
        this.rectifications = rectifications;
        this.service = service;
        this.subscribers = subscribers;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.timeout = timeout;
        this.backoff = backoff;
        this.parkedRetry = parkedRetry;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    protected boolean enabled() {
        return subscribers.any();
    }

    @Override
    protected boolean round() {
        return runOnce(clock.instant()) == BATCH;
    }

    @Override
    protected String describeFailure(Exception e) {
        return "cannot dispatch 12345 work orders: " + e.getClass().getSimpleName();
    }

    /** It works for others: a failure here is an operator's alarm, the API still answers. */
    @Override
    public boolean neededForRequests() {
        return false;
    }

    private record Due(HotlineRepository.Dispatch dispatch, RectificationState state) {
    }

    /** One round at {@code now}: how many work orders it tried. */
    public int runOnce(Instant now) {
        List<Due> due = inTransaction(pool, tx -> hotline.claimDue(tx, now, timeout.plusSeconds(30), BATCH).stream()
                .map(d -> new Due(d, rectifications.load(tx, d.rectificationId()).state())).toList());
        for (Due d : due) {
            send(d, now);
        }
        return due.size();
    }

    private void send(Due d, Instant now) {
        String id = d.dispatch().rectificationId();
        HotlineSubscribers.Subscriber subscriber = subscribers.byId(d.dispatch().subscriber()).orElse(null);
        String error;
        if (subscriber == null) {
            error = "no 12345 subscriber " + d.dispatch().subscriber() + " is configured any more";
        } else {
            try {
                byte[] body = EventJson.mapper().writeValueAsBytes(workOrder(d.state()));
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(subscriber.url()).timeout(timeout)
                        .header("Content-Type", "application/json").header("Idempotency-Key",
                                RectificationDecider.workOrderIdOf(id))
                        .header(HotlineSubscribers.SUBSCRIBER, subscriber.id())
                        .header(HotlineSubscribers.SIGNATURE, subscriber.sign(body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    inTransaction(pool, tx -> {
                        if (hotline.sent(tx, id, clock.instant())) {
                            service.dispatched(tx, id, subscriber.id(), clock.instant());
                        }
                        return null;
                    });
                    LOG.infof("rectification %s: work order taken by 12345 platform %s", id, subscriber.id());
                    return;
                }
                error = "the 12345 platform answered " + response.statusCode();
            } catch (JsonProcessingException e) {
                error = "cannot write the work order: " + e.getMessage();
            } catch (IOException e) {
                error = "the 12345 platform did not answer: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        int attempts = d.dispatch().attempts() + 1;
        boolean park = attempts >= maxAttempts;
        Instant next = park ? now.plus(parkedRetry) : now.plus(backoff.multipliedBy(1L << Math.min(attempts - 1, 10)));
        String why = error;
        inTransaction(pool, tx -> {
            hotline.failed(tx, id, why, next, park);
            return null;
        });
        LOG.warnf("rectification %s: work order not taken (attempt %d%s): %s", id, attempts,
                park ? ", parked" : "", why);
    }

    /** What the 12345 platform gets: the bad review's case, unit and problem, and its deadlines; nobody's identity. */
    static Map<String, Object> workOrder(RectificationState s) {
        RectificationOpened o = s.opened();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("workOrderId", RectificationDecider.workOrderIdOf(s.rectificationId()));
        order.put("rectificationId", s.rectificationId());
        order.put("caseNumbers", List.copyOf(s.caseNumbers()));
        order.put("regionCode", o.regionCode());
        order.put("institutionCode", o.institutionCode());
        order.put("windowCode", o.windowCode());
        order.put("itemCode", o.itemCode());
        order.put("channel", o.channel().name());
        order.put("level", o.level());
        order.put("tags", o.tags());
        order.put("ratedAt", o.ratedAt().toString());
        order.put("callbackDueAt", o.callbackDueAt() == null ? null : o.callbackDueAt().toString());
        order.put("realName", o.realName());
        return order;
    }
}
