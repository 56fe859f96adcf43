package org.hcp.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * A service's background loop, started and stopped with the service and reported to the health checks
 * (docs/architecture.md, "Background workers"): the one place that owns a {@link WorkerThread}'s life. Subclasses say
 * what a step does and how long to wait before the next; a failed step is retried after a backoff from one second
 * up to {@code maxBackoff}. They are {@code @Singleton} beans: a normal scope would need a proxy, so a no-args
 * constructor.
 */
public abstract class BackgroundLoop implements BackgroundWorker {

    private final String name;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final MeterRegistry metrics;
    private WorkerThread worker;

    protected BackgroundLoop(String name, Duration firstBackoff, Duration maxBackoff, MeterRegistry metrics) {
        this.name = name;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.metrics = metrics;
    }

    /** One step; how long to wait before the next ({@link Duration#ZERO}: at once). */
    protected abstract Duration step();

    /** What a failed step means, for the health checks (no personal data). */
    protected abstract String describeFailure(Exception e);

    /** Whether this loop runs at all here (its switch in the configuration). */
    protected boolean enabled() {
        return true;
    }

    /** Once, on the service's start, before it answers and before the first step; what it throws stops the start. */
    protected void starting() {
    }

    /** Releases what a failed step, or the loop's end, left open (a consumer, a producer). */
    protected void release() {
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the loop (the service's start does; a test starts a second replica by hand). */
    public void start() {
        if (!enabled()) {
            return;
        }
        starting();
        worker = new WorkerThread(name, this::step, metrics)
                .backoff(firstBackoff, maxBackoff)
                .describeFailure(this::describeFailure)
                .afterFailure(e -> release())
                .onExit(this::release)
                .start();
    }

    public void stop() {
        if (worker != null) {
            worker.close();
        }
    }

    /** Runs the next step now instead of after its wait (an admin asked for it). */
    public void wake() {
        if (worker != null) {
            worker.wake();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String problem() {
        if (!enabled()) {
            return null;
        }
        return worker == null ? "not started" : worker.problem();
    }
}
