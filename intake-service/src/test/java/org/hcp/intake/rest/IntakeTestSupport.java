package org.hcp.intake.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hcp.events.Topics;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.TopicProbe;

/** What the tests look at: the intake database and the ratings topic, read directly. */
final class IntakeTestSupport {

    private IntakeTestSupport() {
    }

    static long count(String sql, String parameter) throws Exception {
        try (Connection connection = LocalStack.shared().postgres().connect("intake");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void execute(String sql, Object... parameters) throws Exception {
        try (Connection connection = LocalStack.shared().postgres().connect("intake");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    static long ratingRows(String caseNumber) throws Exception {
        return count("SELECT count(*) FROM rating WHERE case_number = ?", caseNumber);
    }

    /**
     * Rating events of this case still waiting in the outbox. Only the ratings topic: the case's own
     * CaseCompleted event may still be waiting too, and it is not what these tests are about.
     */
    static long outboxRows(String caseNumber) throws Exception {
        return count("SELECT count(*) FROM outbox WHERE topic = '" + Topics.RATINGS
                + "' AND envelope LIKE '%' || ? || '%'", caseNumber);
    }

    static List<ConsumerRecord<String, String>> ratingEventsFor(String caseNumber) {
        return TopicProbe.readAll(LocalStack.shared().kafka().bootstrapServers(), Topics.RATINGS).stream()
                .filter(r -> r.value().contains("\"caseNumber\":\"" + caseNumber + "\""))
                .toList();
    }
}
