package org.hcp.localstack;

import java.nio.file.Path;

/**
 * One Kafka node of a cluster in a process of its own, so that a test can kill it as a machine dies ({@code kill -9}),
 * not shut it down politely (issue 31: a broker lost under load).
 *
 * <pre>java -cp … org.hcp.localstack.KafkaNodeMain LOG_DIR PORT CONTROLLER_PORT NODE_ID VOTERS CLUSTER_ID REPLICAS</pre>
 */
public final class KafkaNodeMain {

    private KafkaNodeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 7) {
            System.err.println("usage: KafkaNodeMain LOG_DIR PORT CONTROLLER_PORT NODE_ID VOTERS CLUSTER_ID REPLICAS");
            System.exit(2);
        }
        KafkaBroker node = new KafkaBroker(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), args[4], args[5], Integer.parseInt(args[6]));
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop));
        node.start();
        System.out.println("kafka node " + args[3] + " started on " + node.bootstrapServers());
        Thread.currentThread().join();
    }
}
