package org.hcp.kit.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hcp.localstack.LocalStack;
import org.hcp.localstack.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test: is a decision written as sequential code on worker threads ({@link Transactions}) slower
 * than the same transaction as a reactive chain, with 64 concurrent clients on one pool of 20 connections
 * (docs/architecture.md, "The database")? Each transaction inserts a ~450-byte row and an outbox-like row, as a
 * rating does. Both styles run in one JVM against the same PostgreSQL, alternating, and the table gives each
 * style's throughput and latency, and their ratio.
 *
 * <p>Run: {@code mvn -q -pl service-kit test -Dtest=DatabaseStyleBenchmark -Dhcp.bench=true} (about a minute).
 */
class DatabaseStyleBenchmark {

    private static final int CLIENTS = 64;
    private static final int POOL = 20;
    private static final long RUN_MS = Long.getLong("hcp.bench.millis", 8_000);
    private static final String PAYLOAD = "x".repeat(400);

    record Result(String style, int transactions, double perSecond, double p50Ms, double p99Ms) {
    }

    @Test
    void sequentialOnWorkersVersusReactiveChains() throws Exception {
        assumeTrue(System.getProperty("hcp.bench") != null, "a benchmark: run with -Dhcp.bench=true");
        PostgresServer postgres = LocalStack.shared().postgres();
        postgres.createDatabases("bench");
        try (Connection c = postgres.connect("bench"); Statement s = c.createStatement()) {
            // A 202 means on disk: measure with durable commits, in every session of the pool.
            s.execute("ALTER DATABASE bench SET synchronous_commit = on");
            s.execute("DROP TABLE IF EXISTS bench_rating, bench_outbox");
            s.execute("CREATE TABLE bench_rating (id uuid PRIMARY KEY, body text NOT NULL)");
            s.execute("CREATE TABLE bench_outbox (id bigserial PRIMARY KEY, key uuid NOT NULL, body text NOT NULL)");
        }
        Vertx vertx = Vertx.vertx();
        PgConnectOptions connect = PgConnectOptions.fromUri(postgres.reactiveUrl("bench"))
                .setUser(PostgresServer.USER).setPassword(PostgresServer.PASSWORD);
        Pool pool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(POOL).setMaxWaitQueueSize(-1))
                .connectingTo(connect).using(vertx.getDelegate()).build());
        try {
            // Mutiny's context propagation initialises itself on first use, racily outside Quarkus: do it once here.
            Transactions.query(pool, "SELECT 1", Tuple.tuple());
            List<Result> results = new ArrayList<>();
            run(pool, "warm-up sequential", true);
            run(pool, "warm-up reactive", false);
            for (int round = 1; round <= 2; round++) {
                results.add(run(pool, "sequential on 64 threads (Transactions)", true));
                results.add(run(pool, "reactive, 64 chains in flight", false));
            }
            System.out.println();
            System.out.printf("%-42s %8s %10s %9s %9s%n", "style (pool 20, 64 clients, sync commit)", "tx", "tx/s",
                    "p50 ms", "p99 ms");
            for (Result r : results) {
                System.out.printf("%-42s %8d %10.0f %9.1f %9.1f%n", r.style(), r.transactions(), r.perSecond(),
                        r.p50Ms(), r.p99Ms());
            }
            double sequential = results.stream().filter(r -> r.style().startsWith("sequential"))
                    .mapToDouble(Result::perSecond).sum();
            double reactive = results.stream().filter(r -> r.style().startsWith("reactive"))
                    .mapToDouble(Result::perSecond).sum();
            System.out.printf("sequential / reactive throughput: %.2f%n%n", sequential / reactive);
        } finally {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    private static Result run(Pool pool, String style, boolean sequential) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        long[] latencies = new long[4_000_000];
        AtomicInteger count = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        long started = System.nanoTime();
        if (sequential) {
            for (int i = 0; i < CLIENTS; i++) {
                new Thread(() -> {
                    try {
                        clientLoop(pool, running, latencies, count);
                    } catch (RuntimeException e) {
                        e.printStackTrace();
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
        } else {
            for (int i = 0; i < CLIENTS; i++) {
                chain(pool, running, latencies, count, done);
            }
        }
        Thread.sleep(RUN_MS);
        running.set(false);
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        int n = Math.min(count.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(style, n, n / seconds, sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6);
    }

    /** One client thread: a transaction, then the next, each waiting for its commit. */
    private static void clientLoop(Pool pool, AtomicBoolean running, long[] latencies, AtomicInteger count) {
        while (running.get()) {
            long t0 = System.nanoTime();
            Transactions.inTransaction(pool, tx -> {
                UUID id = UUID.randomUUID();
                Transactions.update(tx, "INSERT INTO bench_rating (id, body) VALUES ($1, $2)", Tuple.of(id, PAYLOAD));
                Transactions.update(tx, "INSERT INTO bench_outbox (key, body) VALUES ($1, $2)", Tuple.of(id, PAYLOAD));
                return null;
            });
            record(latencies, count, System.nanoTime() - t0);
        }
    }

    /** One client: a transaction, and when it completes the next one, never blocking a thread. */
    private static void chain(Pool pool, AtomicBoolean running, long[] latencies, AtomicInteger count,
            CountDownLatch done) {
        if (!running.get()) {
            done.countDown();
            return;
        }
        long t0 = System.nanoTime();
        UUID id = UUID.randomUUID();
        pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO bench_rating (id, body) VALUES ($1, $2)")
                        .execute(Tuple.of(id, PAYLOAD))
                        .flatMap(ignored -> tx.preparedQuery("INSERT INTO bench_outbox (key, body) VALUES ($1, $2)")
                                .execute(Tuple.of(id, PAYLOAD)))
                        .replaceWithVoid())
                .subscribe().with(ignored -> {
                    record(latencies, count, System.nanoTime() - t0);
                    chain(pool, running, latencies, count, done);
                }, failure -> {
                    failure.printStackTrace();
                    done.countDown();
                });
    }

    private static void record(long[] latencies, AtomicInteger count, long nanos) {
        int i = count.getAndIncrement();
        if (i < latencies.length) {
            latencies[i] = nanos;
        }
    }
}
