package org.hcp.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conventions of docs/architecture.md ("Conventions", "The database") as checks over the production classes of
 * every module (issue 27): what a pure domain core may use, that only repositories run SQL, and that sequential code
 * waits for a reactive answer in one place only. Each rule names what it forbids, so a failure says which class broke it and how.
 */
class ArchitectureTest {

    private static final Path ROOT = Path.of(System.getProperty("hcp.root", "..")).toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of("common-events", "crypto-kit", "audit-tool", "service-kit",
            "intake-service", "reporting-service", "rectification-service", "appeal-service", "audit-service",
            "sync-service", "console");

    private static JavaClasses production;

    @BeforeAll
    static void importTheModules() {
        ClassFileImporter importer = new ClassFileImporter();
        Path[] dirs = MODULES.stream().map(m -> ROOT.resolve(m).resolve("target/classes")).toArray(Path[]::new);
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(dir + " is missing: compile the modules first (./hcp test runs verify)");
            }
        }
        production = importer.importPaths(dirs);
    }

    /**
     * A service's rules sit in a pure core (decide / evolve): no database, broker, HTTP or framework, and none of the
     * service's own outer layers, so that it is a function of events, policy data and a clock.
     */
    @Test
    void aDomainCoreUsesNoFrameworkDatabaseBrokerOrOuterLayer() {
        noClasses().that().resideInAPackage("org.hcp.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.quarkus..", "io.smallrye..",
                        "jakarta..", "org.apache.kafka..", "java.sql..", "org.jboss..", "org.eclipse.microprofile..",
                        "org.hcp.*.repository..", "org.hcp.*.rest..", "org.hcp.*.messaging..", "org.hcp.*.service..",
                        "org.hcp.kit..")
                .because("docs/architecture.md, \"Conventions\": the rules are a pure core; Quarkus code around it "
                        + "only loads, stores and publishes")
                .check(production);
    }

    /**
     * Every table has its repository with explicit SQL: a service, resource or projection asks a repository and never
     * writes a statement itself. service-kit is the framework those repositories stand on (the outbox, offsets,
     * transactions) and keeps its own statements.
     */
    @Test
    void onlyRepositoriesRunSql() {
        noClasses().that().resideOutsideOfPackages("..repository..", "org.hcp.kit..")
                .should().callMethodWhere(DescribedPredicate.describe("runs SQL", call -> runsSql(call)))
                .because("docs/architecture.md, \"The database\": SQL sits under repository/ only")
                .check(production);
    }

    private static boolean runsSql(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        return owner.equals("org.hcp.kit.db.Transactions") && List.of("query", "update", "batch").contains(name)
                || owner.startsWith("io.vertx.mutiny.sqlclient.") && List.of("query", "preparedQuery").contains(name)
                || owner.startsWith("io.vertx.sqlclient.") && List.of("query", "preparedQuery").contains(name);
    }

    /**
     * No fixture in production sources: what {@code ./hcp up} runs (local-stack) and the operators' tools (tools) use no
     * test framework and none of the test kit, which the modules' tests alone depend on.
     */
    @Test
    void noTestFixtureInWhatRunsOrTheTools() {
        JavaClasses runtimeAndTools = new ClassFileImporter().importPaths(ROOT.resolve("local-stack/target/classes"),
                ROOT.resolve("tools/target/classes"));
        for (JavaClasses classes : List.of(production, runtimeAndTools)) {
            noClasses().should().dependOnClassesThat().resideInAnyPackage("io.quarkus.test..", "org.junit..",
                            "org.hcp.testkit..", "io.restassured..", "org.awaitility..")
                    .because("issue 27: test fixtures live in test-kit, a test-scoped module")
                    .check(classes);
        }
    }

    /**
     * Sequential code (a worker thread) waits for a reactive answer in {@code Transactions} only, where the pool's
     * timeouts and the event-loop guard live; a wait anywhere else is a blocked event loop waiting to happen.
     */
    @Test
    void onlyTransactionsWaitsForAReactiveAnswer() {
        noClasses().that().doNotHaveFullyQualifiedName("org.hcp.kit.db.Transactions")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.smallrye.mutiny.groups.UniAwait")
                .because("docs/architecture.md, \"The database\": Transactions is the one place that waits")
                .check(production);
    }

    /**
     * The auditor's tool runs beside a cluster, not inside the platform: no Quarkus, no service kit, and none of the
     * embedded broker, embedded PostgreSQL or test libraries that the local stack carries.
     */
    @Test
    void theAuditorsToolStandsOnKafkasClientAlone() {
        noClasses().that().resideInAPackage("org.hcp.audit")
                .or().resideInAPackage("org.hcp.audit.tool")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "org.hcp.kit..",
                        "org.hcp.localstack..", "io.zonky..", "kafka..", "org.apache.kafka.server..",
                        "org.hcp.testkit..", "org.junit..")
                .because("issue 27: ./hcp audit must run without the platform's runtime or its test fixtures")
                .check(production);
    }

    /** Every service reads common-events; only those that sign or encrypt carry the cryptography (crypto-kit). */
    @Test
    void commonEventsCarriesNoCryptographyAuditOrSyncCode() {
        noClasses().that().resideInAPackage("org.hcp.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..", "org.hcp.crypto..",
                        "org.hcp.audit..", "org.hcp.sync..")
                .because("issue 27: one concept, one place; a service that does not sign does not load BouncyCastle")
                .check(production);
    }

    /** The runtime that {@code ./hcp up} starts does not carry the operators' tools (issue 27, part 2). */
    @Test
    void theRuntimeCarriesNoOperatorTool() {
        JavaClasses runtime = new ClassFileImporter().importPaths(ROOT.resolve("local-stack/target/classes"));
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.hcp.tools..", "io.vertx..",
                        "org.apache.kafka.tools..")
                .because("issue 27: the runtime, the operator tools and the test kit serve three audiences")
                .check(runtime);
    }
}
