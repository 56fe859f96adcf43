package org.hcp.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * A background loop that does one round every {@code interval}, at once again while a round says there is more,
 * started and stopped with the service and reported to the readiness check (docs/architecture.md, "Background
 * workers"). Subclasses say what a round does (the overdue schedulers); they are {@code @Singleton} beans, as a normal
 * scope would need a proxy and so a no-args constructor.
 */
public abstract class PeriodicWorker implements BackgroundWorker {

    private final String name;
    private final Duration interval;
    private final MeterRegistry metrics;
    private WorkerThread worker;

    protected PeriodicWorker(String name, Duration interval, MeterRegistry metrics) {
        this.name = name;
        this.interval = interval;
        this.metrics = metrics;
    }

    /** One round; true when it stopped at its batch size and more is waiting. */
    protected abstract boolean round();

    /** How long to wait after a round that left nothing waiting: the interval, unless a subclass knows better. */
    protected Duration pause() {
        return interval;
    }

    /** What a failed round means, for the readiness check (no personal data). */
    protected abstract String describeFailure(Exception e);

    void onStart(@Observes StartupEvent event) {
        worker = new WorkerThread(name, () -> round() ? Duration.ZERO : pause(), metrics)
                .backoff(Duration.ofSeconds(1), interval)
                .describeFailure(this::describeFailure)
                .start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.close();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String problem() {
        return worker == null ? "not started" : worker.problem();
    }
}
