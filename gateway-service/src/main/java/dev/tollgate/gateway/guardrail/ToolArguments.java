package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.openai.ToolCall;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Tool-call arguments (JSON text the model wrote) run through the same screening as message text. */
final class ToolArguments {

    private ToolArguments() {}

    /** {@code calls} with each call's arguments replaced by {@code screen} of them; {@code null} stays {@code null}. */
    static @Nullable List<ToolCall> map(@Nullable List<ToolCall> calls, UnaryOperator<String> screen) {
        if (calls == null || calls.isEmpty()) {
            return calls;
        }
        return calls.stream().map(call -> mapped(call, screen)).toList();
    }

    private static ToolCall mapped(ToolCall call, UnaryOperator<String> screen) {
        ToolCall.FunctionCall function = call.function();
        if (function == null || function.arguments() == null) {
            return call;
        }
        var screened = new ToolCall.FunctionCall(function.name(), screen.apply(function.arguments()), function.extra());
        return new ToolCall(call.index(), call.id(), call.type(), screened, call.extra());
    }
}
