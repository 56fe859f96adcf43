package org.hcp.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The stand-alone stack of {@code ./hcp up}: Kafka and PostgreSQL keeping their data under the given directory
 * until this process is told to stop (SIGTERM), then stopping both cleanly.
 *
 * <p>Usage: {@code LocalStackMain DIR KAFKA_PORT KAFKA_CONTROLLER_PORT POSTGRES_PORT}
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 6) {
            System.err.println("usage: LocalStackMain DIR KAFKA_PORT KAFKA_CONTROLLER_PORT POSTGRES_PORT "
                    + "[SMSC_PORT SMS_INBOX]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        Path ready = dir.resolve("stack.ready");
        Files.deleteIfExists(ready);
        LocalStack stack = new LocalStack(dir, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), false);
        CountDownLatch stopped = new CountDownLatch(1);
        DevSmsc[] smscHolder = new DevSmsc[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("local-stack: stopping Kafka and PostgreSQL");
            try {
                Files.deleteIfExists(ready);
            } catch (Exception ignored) {
                // the file only signals readiness; a stale one is removed on the next start
            }
            if (smscHolder[0] != null) {
                smscHolder[0].close();
            }
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        long started = System.nanoTime();
        stack.start();
        // The operator's SMSC of a development machine: intake's messages land in a file a person reads.
        if (args.length == 6) {
            smscHolder[0] = DevSmsc.start(Integer.parseInt(args[4]), Path.of(args[5]));
        }
        Files.writeString(ready, stack.kafka().bootstrapServers() + "\n");
        System.out.printf("local-stack: Kafka at %s, PostgreSQL at 127.0.0.1:%d, ready in %d ms%n",
                stack.kafka().bootstrapServers(), stack.postgres().port(), (System.nanoTime() - started) / 1_000_000);
        if (smscHolder[0] != null) {
            System.out.printf("local-stack: development SMSC (SMPP) at 127.0.0.1:%d, messages in %s%n",
                    smscHolder[0].port(), args[5]);
        }
        stopped.await();
    }
}
