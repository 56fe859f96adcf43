package org.hcp.kit.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One background loop on its own thread, the way every worker of HCP runs (the outbox relay, each projection, the
 * default-rating scheduler): rounds, a pause between them that {@link #wake()} cuts short, a doubling back-off after
 * a failed round, a standing {@link #problem()} for the readiness check, and the counters
 * {@code hcp_worker_rounds_total} and {@code hcp_worker_failures_total} per worker. It never gives up: a failure is
 * logged, reported and retried. Quarkus' scheduler does not fit these loops: they must run back to back while
 * there is work, and be woken by a commit.
 */
public final class WorkerThread implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkerThread.class);

    /** One round; answers how long to pause before the next ({@link Duration#ZERO}: at once). */
    @FunctionalInterface
    public interface Round {
        Duration run() throws Exception;
    }

    private static final Set<WorkerThread> STARTED = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Round round;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private final Counter rounds;
    private final Counter failures;
    private Duration firstBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Function<Exception, String> describe = Exception::toString;
    private Consumer<Exception> afterFailure = e -> { };
    private Runnable onExit = () -> { };
    private volatile boolean running = true;
    private volatile String problem;

    /** @param metrics where to count rounds and failures; null for none (plain tests) */
    public WorkerThread(String name, Round round, MeterRegistry metrics) {
        this.name = name;
        this.round = round;
        this.thread = new Thread(this::run, name);
        this.rounds = metrics == null ? null : Counter.builder("hcp.worker.rounds").tag("worker", name)
                .description("rounds a background worker completed").register(metrics);
        this.failures = metrics == null ? null : Counter.builder("hcp.worker.failures").tag("worker", name)
                .description("rounds a background worker failed and retried").register(metrics);
    }

    /** The pause after a first failure, doubled after each further one up to {@code max}. */
    public WorkerThread backoff(Duration first, Duration max) {
        this.firstBackoff = first;
        this.maxBackoff = max;
        return this;
    }

    /** What the readiness check says while a failure stands (no personal data in it). */
    public WorkerThread describeFailure(Function<Exception, String> describe) {
        this.describe = describe;
        return this;
    }

    /** Runs on the worker's thread after a failed round, before the back-off (e.g. to replace a broken client). */
    public WorkerThread afterFailure(Consumer<Exception> afterFailure) {
        this.afterFailure = afterFailure;
        return this;
    }

    /** Runs on the worker's thread when it ends (e.g. to close a client that only this thread may touch). */
    public WorkerThread onExit(Runnable onExit) {
        this.onExit = onExit;
        return this;
    }

    public WorkerThread start() {
        STARTED.add(this);
        thread.start();
        return this;
    }

    /** Every worker started in this process and not closed since. */
    static Set<WorkerThread> started() {
        return STARTED;
    }

    /** True when the loop ended without being asked to: the process is no longer doing its background work. */
    public boolean died() {
        return thread.getState() == Thread.State.TERMINATED && running;
    }

    /** Cuts the current pause short: there is work now. */
    public void wake() {
        wake.release();
    }

    public String name() {
        return name;
    }

    /** Null while healthy; what went wrong last otherwise, and whether the thread died. */
    public String problem() {
        if (thread.getState() == Thread.State.NEW) {
            return running ? "not started" : null;
        }
        return thread.isAlive() || !running ? problem : "stopped unexpectedly: " + problem;
    }

    private void run() {
        Duration backoff = firstBackoff;
        try {
            while (running) {
                Duration pause;
                try {
                    pause = round.run();
                } catch (Exception e) {
                    if (!running) {
                        break; // stopping interrupts whatever the round waited on
                    }
                    problem = describe.apply(e);
                    if (failures != null) {
                        failures.increment();
                    }
                    LOG.warnf("%s: round failed, retrying in %d ms: %s", name, backoff.toMillis(), e.toString());
                    afterFailure.accept(e);
                    pause(backoff);
                    Duration doubled = backoff.multipliedBy(2);
                    backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
                    continue;
                } catch (Error e) {
                    // Out of memory, a stack overflow: the loop cannot be trusted to go on. It ends, and liveness
                    // says so (WorkersLiveness), so that the supervisor restarts the process.
                    problem = "died: " + e;
                    LOG.errorf(e, "%s: died", name);
                    throw e;
                }
                problem = null;
                backoff = firstBackoff;
                if (rounds != null) {
                    rounds.increment();
                }
                if (!pause.isZero()) {
                    pause(pause);
                }
            }
        } finally {
            onExit.run();
        }
    }

    private void pause(Duration pause) {
        try {
            wake.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
            wake.drainPermits();
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the loop to stop after its round and waits for it (at most 10 s). */
    @Override
    public void close() {
        running = false;
        STARTED.remove(this);
        wake.release();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
