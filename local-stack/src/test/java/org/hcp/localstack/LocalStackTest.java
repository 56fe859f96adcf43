package org.hcp.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.hcp.events.Topics;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    @Test
    void startsRealKafkaAndPostgresWithTopicsKeptForever() throws Exception {
        LocalStack stack = LocalStack.shared();
        try (Admin admin = stack.kafka().admin()) {
            assertTrue(admin.listTopics().names().get().contains(Topics.RATINGS));
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RATINGS);
            Map<ConfigResource, org.apache.kafka.clients.admin.Config> configs =
                    admin.describeConfigs(java.util.List.of(topic)).all().get();
            ConfigEntry retention = configs.get(topic).get("retention.ms");
            assertEquals("-1", retention.value());
        }
        for (String database : LocalStack.DATABASES) {
            try (Connection connection = stack.postgres().connect(database);
                 ResultSet rs = connection.createStatement().executeQuery("SELECT current_database()")) {
                assertTrue(rs.next());
                assertEquals(database, rs.getString(1));
            }
        }
        // A 202 promises the rating is on disk: every commit waits for its WAL flush.
        try (Connection connection = stack.postgres().connect("intake");
             ResultSet rs = connection.createStatement().executeQuery("SHOW synchronous_commit")) {
            assertTrue(rs.next());
            assertEquals("on", rs.getString(1));
        }
    }

    @Test
    void kafkaComesBackWithItsTopicsAfterARestart() throws Exception {
        KafkaBroker kafka = LocalStack.shared().kafka();
        kafka.stop();
        kafka.start();
        try (Admin admin = kafka.admin()) {
            assertTrue(admin.listTopics().names().get().contains(Topics.RATINGS));
        }
    }

    @Test
    void devTokensCarryTheRoleAndTheDevIssuer() {
        String token = DevTokens.mint("bureau", "2202", java.time.Duration.ofMinutes(5));
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        assertTrue(claims.contains("\"groups\":[\"bureau\"]"), claims);
        assertTrue(claims.contains("\"iss\":\"hcp-dev\""), claims);
        assertTrue(claims.contains("\"hcp_scope\":\"2202\""), claims);
    }
}
