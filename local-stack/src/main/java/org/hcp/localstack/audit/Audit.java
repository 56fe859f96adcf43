package org.hcp.localstack.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.hcp.events.audit.CheckpointKeys;
import org.hcp.events.audit.Finding;
import org.hcp.events.audit.PartitionVerifier;

/**
 * {@code ./hcp audit verify [--bootstrap HOST:PORT] [--public-key FILE]}: the auditor's offline check of the log
 * (R5.3, docs/audit.md). Exit 0 when every checkpointed record verifies, 1 when anything was found, 2 on bad usage.
 */
public final class Audit {

    private static final int SHOWN = 100;

    private Audit() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("verify")) {
            usage();
        }
        String bootstrap = "127.0.0.1:19092";
        Path publicKeyFile = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = value(args, ++i);
                case "--public-key" -> publicKeyFile = Path.of(value(args, ++i));
                default -> usage();
            }
        }
        if (publicKeyFile == null) {
            usage();
        }
        String pem = Files.readString(publicKeyFile);
        PublicKey key = CheckpointKeys.publicKey(CheckpointKeys.algorithmOf(pem), pem);
        System.out.printf("verifying the log at %s against key %s (%s)%n", bootstrap, CheckpointKeys.keyId(key),
                publicKeyFile);
        LogVerification.Report report = new LogVerification(bootstrap, key).run();
        print(report);
        System.exit(report.findings().isEmpty() ? 0 : 1);
    }

    static void print(LogVerification.Report report) {
        System.out.printf("%-22s %4s %12s %12s %12s %9s%n", "topic/partition", "", "checkpoints", "verified",
                "not yet", "findings");
        for (PartitionVerifier.Result p : report.partitions()) {
            System.out.printf("%-22s %4s %12d %12d %12d %9d%n", p.topic() + "/" + p.partition(), "",
                    p.checkpoints(), p.verified(), p.uncovered(), p.findings().size());
        }
        List<Finding> findings = report.findings();
        System.out.printf("%d records read in %.1f s (%.0f records/s): %d verified by a checkpoint, %d not yet "
                        + "checkpointed, %d findings%n", report.records(), report.took().toMillis() / 1000.0,
                report.records() / Math.max(0.001, report.took().toMillis() / 1000.0), report.verified(),
                report.uncovered(), findings.size());
        findings.stream().limit(SHOWN).forEach(f -> System.out.println("  " + f));
        if (findings.size() > SHOWN) {
            System.out.printf("  … and %d more%n", findings.size() - SHOWN);
        }
        for (PartitionVerifier.Result p : report.partitions()) {
            if (p.head() != null) {
                System.out.printf("head %s/%d: checkpoint %d to offset %d, digest %s%n", p.topic(), p.partition(),
                        p.head().sequence(), p.head().endOffset(), p.head().digest());
            }
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage();
        }
        return args[i];
    }

    private static void usage() {
        System.err.println("usage: ./hcp audit verify [--bootstrap HOST:PORT] [--public-key FILE]");
        System.exit(2);
    }
}
