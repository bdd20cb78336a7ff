package dev.tollgate.admin.publish;

import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The mapper for what the gateway reads: the shared-model records' own annotations give the snake_case names, Jackson 3
 * writes instants as ISO-8601, and decimals are written as plain strings ({@code "0.15"}, never {@code 1.5E-1} or a
 * binary float), which a default Jackson 3 mapper reads back into {@link BigDecimal} exactly.
 */
final class PublishedJson {

    private PublishedJson() {}

    static JsonMapper mapper() {
        SimpleModule decimals = new SimpleModule("tollgate-decimals").addSerializer(BigDecimal.class, new Plain());
        return JsonMapper.builder().addModule(decimals).build();
    }

    private static final class Plain extends ValueSerializer<BigDecimal> {

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.stripTrailingZeros().toPlainString());
        }
    }
}
