package org.hcp.kit.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * How every service reads a JSON body (docs/security.md, "Input limits"): a key given twice, a number where text
 * belongs ({@code "text": 12345}), text where a number belongs ({@code "level": "5"}), a fraction where a whole
 * number belongs ({@code 1.5}) and a number where a word belongs ({@code "channel": 3}) are refused, not guessed;
 * every string is bounded and free of control characters; every date and instant lies in {@link InputLimits}'s
 * years. Refusals are {@link JsonMappingException}s, so {@link ProblemMappers} names the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // Registered after Quarkus' JavaTimeModule, so these come first.
        mapper.registerModule(new SimpleModule("hcp-strict-json")
                .addDeserializer(String.class, new BoundedText())
                .addDeserializer(Instant.class, new BoundedTime<>(Instant.class, InstantDeserializer.INSTANT,
                        InputLimits::inRange))
                .addDeserializer(LocalDate.class, new BoundedTime<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                        InputLimits::inRange)));
    }

    /** A value that is well-formed JSON of the right type but outside the bounds; its path names the field. */
    public static final class OutOfBounds extends JsonMappingException {
        private final String key;
        private final transient Object[] args;

        OutOfBounds(JsonParser parser, String key, Object... args) {
            super(parser, key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args;
        }
    }

    /** Only a JSON string (or null) is text; at most {@link InputLimits#JSON_TEXT_MAX} characters, no control ones. */
    static final class BoundedText extends StdScalarDeserializer<String> {
        BoundedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String problem = InputLimits.textProblem(text, InputLimits.JSON_TEXT_MAX);
            if (problem != null) {
                throw new OutOfBounds(p, problem, InputLimits.JSON_TEXT_MAX);
            }
            return text;
        }
    }

    /** An Instant or a LocalDate as JSR-310 reads it, then within {@link InputLimits}' years. */
    static final class BoundedTime<T> extends StdScalarDeserializer<T> {
        private final JsonDeserializer<T> time;
        private final Predicate<T> inRange;

        BoundedTime(Class<T> type, JsonDeserializer<T> time, Predicate<T> inRange) {
            super(type);
            this.time = time;
            this.inRange = inRange;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = time.deserialize(p, ctxt);
            if (value != null && !inRange.test(value)) {
                throw new OutOfBounds(p, "date.outOfRange", InputLimits.FIRST_DAY, InputLimits.LAST_DAY);
            }
            return value;
        }
    }
}
