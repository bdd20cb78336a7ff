package dev.tollgate.admin.system;

import io.r2dbc.spi.Parameters;
import org.jspecify.annotations.Nullable;

/** Binding help for {@code DatabaseClient}, which needs the type of a {@code null} parameter. */
public final class Sql {

    private Sql() {}

    /** {@code value}, or a typed SQL {@code NULL} when it is {@code null}. */
    public static Object nullable(@Nullable Object value, Class<?> type) {
        return value == null ? Parameters.in(type) : value;
    }
}
