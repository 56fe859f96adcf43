package org.hcp.audit.tool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcp.audit.AuditFold;
import org.hcp.audit.BulletinAudits;
import org.hcp.audit.CaseHistory;
import org.hcp.audit.Finding;
import org.hcp.audit.PartitionVerifier;
import org.hcp.crypto.Keys;
import org.hcp.events.EventJson;

/**
 * {@code ./hcp audit …}: the auditor's tools, reading the log alone (R5.3, docs/audit.md).
 * <pre>
 * verify [--bootstrap HOST:PORT] [--public-key FILE]   every record against the signed checkpoints
 * as-of INSTANT [--region R] [--institution I] [--from D] [--to D] [--by B] [--events]
 *                                                      the figures as they stood at INSTANT, and the events behind them
 * bulletins [--month YYYY-MM] [--region R]             each published bulletin recomputed as of its publication
 * case CASE_NUMBER                                     every event of one case, in order, without the evaluator
 * prove TOPIC/PARTITION/OFFSET [--public-key FILE]     one event's inclusion proof in its signed checkpoint
 * </pre>
 * Exit 0 when all is as it should be, 1 when anything was found, 2 on bad usage.
 */
public final class Audit {

    private static final int SHOWN = 100;
    private static final String DEFAULT_BOOTSTRAP = "127.0.0.1:19092";
    private static final String USAGE = String.join("\n",
            "usage: ./hcp audit verify [--bootstrap HOST:PORT] [--public-key FILE]",
            "       ./hcp audit as-of INSTANT [--region R] [--institution I] [--from D] [--to D] [--by B] [--events]",
            "       ./hcp audit bulletins [--month YYYY-MM] [--region R]",
            "       ./hcp audit case CASE_NUMBER",
            "       ./hcp audit prove TOPIC/PARTITION/OFFSET [--public-key FILE]");

    private Audit() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "verify" -> verify(args);
            case "as-of" -> asOf(args);
            case "bulletins" -> bulletins(args);
            case "case" -> caseHistory(args);
            case "prove" -> prove(args);
            default -> usage();
        }
    }

    private static void verify(String[] args) throws Exception {
        Map<String, String> o = options(args, 1, "--bootstrap", "--public-key");
        if (!o.containsKey("--public-key")) {
            usage();
        }
        String bootstrap = o.getOrDefault("--bootstrap", DEFAULT_BOOTSTRAP);
        Path publicKeyFile = Path.of(o.get("--public-key"));
        String pem = Files.readString(publicKeyFile);
        PublicKey key = Keys.publicKey(Keys.algorithmOf(pem), pem);
        System.out.printf("verifying the log at %s against key %s (%s)%n", bootstrap, Keys.keyId(key),
                publicKeyFile);
        LogVerification.Report report = new LogVerification(bootstrap, key).run();
        print(report);
        System.exit(report.findings().isEmpty() ? 0 : 1);
    }

    /** {@code prove TOPIC/PARTITION/OFFSET}: the event's RFC 6962 inclusion proof in its signed checkpoint. */
    private static void prove(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        String[] place = args[1].split("/");
        if (place.length != 3) {
            usage();
        }
        Map<String, String> o = options(args, 2, "--bootstrap", "--public-key");
        if (!o.containsKey("--public-key")) {
            usage();
        }
        String pem = Files.readString(Path.of(o.get("--public-key")));
        PublicKey key = Keys.publicKey(Keys.algorithmOf(pem), pem);
        LogVerification.InclusionProof proof = new LogVerification(o.getOrDefault("--bootstrap", DEFAULT_BOOTSTRAP),
                key).prove(place[0], Integer.parseInt(place[1]), Long.parseLong(place[2]));
        if (proof == null) {
            System.out.println("no checkpoint covers " + args[1] + " yet");
            System.exit(1);
        }
        System.out.println(json(proof));
        System.exit(proof.included() && proof.signatureValid() ? 0 : 1);
    }

    private static void asOf(String[] args) {
        if (args.length < 2) {
            usage();
        }
        Instant instant = BulletinAudits.parseInstant(args[1]);
        Map<String, String> o = options(args, 2, "--bootstrap", "--region", "--institution", "--from", "--to", "--by",
                "--events");
        String region = o.get("--region");
        AuditFold.Query query = new AuditFold.Query(region, o.get("--institution"), null, null,
                o.containsKey("--from") ? LocalDate.parse(o.get("--from")) : null,
                o.containsKey("--to") ? LocalDate.parse(o.get("--to")) : null, o.get("--by"),
                region == null ? 2 : Math.min(12, region.length() + 2));
        AuditFold fold = new AuditQueries(o.getOrDefault("--bootstrap", DEFAULT_BOOTSTRAP)).foldAsOf(instant);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", instant.toString());
        out.put("query", query);
        out.put("figures", fold.figures(query));
        if (o.containsKey("--events")) {
            out.put("events", fold.contributors(query));
        }
        System.out.println(json(out));
        System.exit(0);
    }

    private static void caseHistory(String[] args) {
        if (args.length < 2) {
            usage();
        }
        Map<String, String> o = options(args, 2, "--bootstrap");
        List<CaseHistory.Entry> entries = new AuditQueries(o.getOrDefault("--bootstrap", DEFAULT_BOOTSTRAP))
                .caseHistory(args[1]);
        System.out.println(json(entries));
        System.exit(entries.isEmpty() ? 1 : 0);
    }

    private static void bulletins(String[] args) {
        Map<String, String> o = options(args, 1, "--bootstrap", "--month", "--region");
        List<BulletinAudits.BulletinAudit> audits = new AuditQueries(o.getOrDefault("--bootstrap", DEFAULT_BOOTSTRAP))
                .bulletins(o.get("--month"), o.get("--region"));
        boolean allReproduced = true;
        for (BulletinAudits.BulletinAudit a : audits) {
            boolean reproduced = a.asPublished().isEmpty();
            allReproduced &= reproduced;
            System.out.printf("%s published %s: %s (%d figures recomputed from the log as of then)%n", a.bulletinId(),
                    a.publishedAt(), reproduced ? "identical" : "DIFFERS " + a.asPublished(), a.compared());
            if (!a.errata().isEmpty()) {
                System.out.println("  erratum since: " + a.errata());
                a.causes().forEach(c -> System.out.println("    because of " + c));
            }
        }
        System.out.printf("%d bulletins, %s%n", audits.size(), allReproduced ? "every one reproduced exactly"
                : "some NOT reproduced");
        System.exit(allReproduced ? 0 : 1);
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

    /** {@code --name value} pairs; {@code --events} stands alone. */
    private static Map<String, String> options(String[] args, int from, String... names) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            if (!List.of(names).contains(args[i])) {
                usage();
            }
            if (args[i].equals("--events")) {
                options.put(args[i], "true");
            } else {
                if (i + 1 >= args.length) {
                    usage();
                }
                options.put(args[i], args[++i]);
            }
        }
        return options;
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void usage() {
        System.err.println(USAGE);
        System.exit(2);
    }
}
