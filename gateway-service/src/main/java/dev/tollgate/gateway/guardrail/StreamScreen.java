package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.MessageContent;
import dev.tollgate.model.openai.ToolCall;
import dev.tollgate.model.openai.ToolCall.FunctionCall;
import dev.tollgate.model.openai.Usage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The screening of one streamed answer, chunk by chunk, per choice. Each chunk's text joins what is pending; what can
 * no longer change is released: everything before the earliest point where a detector's match or a placeholder could
 * still be growing ({@link Detector#holdFrom}, {@link Placeholders#holdFrom}), never splitting a match or a
 * placeholder. The rest waits for the next chunk, and all of it goes out with the choice's last chunk (the one with a
 * {@code finish_reason}) or, when the stream ends without one, in a chunk of its own. No chunk is dropped: a chunk
 * whose text is all held back goes out with empty content, so the caller sees the stream start as soon as it does.
 * Tool-call arguments are screened the same way, per call ({@code index}): an agent must act on the address its user
 * gave, not on a placeholder. What a call still holds when its choice finishes goes out as one more argument fragment
 * of that call in the finishing chunk. Used by one subscription, one chunk at a time.
 */
final class StreamScreen {

    private final ResponseGuard guard;
    private final Map<Integer, Pending> choices = new LinkedHashMap<>();
    private @Nullable ChatCompletionChunk last;

    StreamScreen(ResponseGuard guard) {
        this.guard = guard;
    }

    /** {@code chunk} with its text screened and what must wait held back. */
    ChatCompletionChunk screen(ChatCompletionChunk chunk) {
        if (chunk.choices() == null || chunk.choices().isEmpty()) {
            return chunk;
        }
        last = chunk;
        List<ChunkChoice> screened = new ArrayList<>(chunk.choices().size());
        for (ChunkChoice choice : chunk.choices()) {
            screened.add(screened(choice));
        }
        return withChoices(chunk, screened, chunk.usage());
    }

    /** What is still pending when the stream ends, as one more chunk; {@code null} when nothing is. */
    @Nullable
    ChatCompletionChunk rest() {
        List<ChunkChoice> rest = new ArrayList<>();
        choices.forEach((index, pending) -> {
            if (!pending.finished) {
                String text = release(pending, true);
                List<ToolCall> calls = toolCalls(pending, null, true);
                if (!text.isEmpty() || calls != null) {
                    ChatMessage delta = ChatMessage.delta(null, text.isEmpty() ? null : text);
                    rest.add(new ChunkChoice(index, withDelta(delta, delta.content(), calls), null, null, null));
                }
            }
        });
        return rest.isEmpty() || last == null ? null : withChoices(last, rest, null);
    }

    private ChunkChoice screened(ChunkChoice choice) {
        int index = choice.index() == null ? 0 : choice.index();
        Pending pending = choices.computeIfAbsent(index, any -> new Pending());
        ChatMessage delta = choice.delta();
        String text = delta == null || delta.content() == null
                ? null
                : delta.content().text();
        if (text != null) {
            pending.text.append(text);
        }
        boolean finished = choice.finishReason() != null;
        String released = release(pending, finished);
        List<ToolCall> fragments = delta == null ? null : delta.toolCalls();
        List<ToolCall> calls = toolCalls(pending, fragments, finished);
        if (text == null && released.isEmpty() && fragments == null && calls == null) {
            return choice;
        }
        MessageContent content = text == null && released.isEmpty() ? null : new MessageContent.Text(released);
        return new ChunkChoice(
                choice.index(),
                withDelta(delta, content, calls),
                choice.finishReason(),
                choice.logprobs(),
                choice.extra());
    }

    private String release(Pending pending, boolean finished) {
        String released = released(pending.text, finished);
        if (guard.checksJson()) {
            pending.answer.append(released);
        }
        if (finished) {
            pending.finished = true;
            guard.checkJson(pending.answer.toString());
        }
        return released;
    }

    /**
     * This chunk's tool-call fragments with their arguments screened, followed, when the choice finishes, by a fragment
     * for every call that still holds arguments; {@code null} when there are none.
     */
    private @Nullable List<ToolCall> toolCalls(Pending pending, @Nullable List<ToolCall> fragments, boolean finished) {
        List<ToolCall> calls = new ArrayList<>();
        Set<Integer> sent = new HashSet<>();
        if (fragments != null) {
            for (ToolCall fragment : fragments) {
                int index = fragment.index() == null ? 0 : fragment.index();
                sent.add(index);
                calls.add(screened(fragment, pending.arguments(index), finished));
            }
        }
        if (finished) {
            pending.toolArguments.forEach((index, arguments) -> {
                if (!sent.contains(index) && !arguments.isEmpty()) {
                    calls.add(new ToolCall(index, null, null, new FunctionCall(null, released(arguments, true)), null));
                }
            });
        }
        return calls.isEmpty() && fragments == null ? null : calls;
    }

    private ToolCall screened(ToolCall fragment, StringBuilder arguments, boolean finished) {
        FunctionCall function = fragment.function();
        if (function == null || function.arguments() == null) {
            return fragment;
        }
        arguments.append(function.arguments());
        var screened = new FunctionCall(function.name(), released(arguments, finished), function.extra());
        return new ToolCall(fragment.index(), fragment.id(), fragment.type(), screened, fragment.extra());
    }

    /** What of {@code pending} can no longer change (all of it when {@code finished}), screened and taken out. */
    private String released(StringBuilder pending, boolean finished) {
        String buffer = pending.toString();
        int cut = finished ? buffer.length() : safeCut(buffer);
        String released = cut == 0 ? "" : guard.released(buffer.substring(0, cut));
        pending.delete(0, cut);
        return released;
    }

    // Before anything that may still grow into a match or placeholder, and never inside a match already there.
    private int safeCut(String buffer) {
        int cut = guard.placeholders().holdFrom(buffer);
        List<Rule> rules = guard.stage().rules();
        for (Rule rule : rules) {
            cut = Math.min(cut, rule.detector().holdFrom(buffer));
        }
        List<Finding> found = new ArrayList<>();
        rules.forEach(rule -> found.addAll(rule.detector().find(buffer)));
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Finding finding : found) {
                if (finding.start() < cut && finding.end() > cut) {
                    cut = finding.start();
                    moved = true;
                }
            }
        }
        return guard.placeholders().notSplitting(buffer, cut);
    }

    private static ChatMessage withDelta(
            @Nullable ChatMessage delta, @Nullable MessageContent content, @Nullable List<ToolCall> calls) {
        if (delta == null) {
            return new ChatMessage(null, content, null, calls, null, null, null);
        }
        return new ChatMessage(
                delta.role(), content, delta.name(), calls, delta.toolCallId(), delta.refusal(), delta.extra());
    }

    private static ChatCompletionChunk withChoices(
            ChatCompletionChunk chunk, List<ChunkChoice> choices, @Nullable Usage usage) {
        return new ChatCompletionChunk(
                chunk.id(),
                chunk.object(),
                chunk.created(),
                chunk.model(),
                choices,
                usage,
                chunk.systemFingerprint(),
                chunk.serviceTier(),
                chunk.extra());
    }

    /**
     * One choice's text and tool-call arguments (by call index) not yet released, and, when its JSON is checked, all
     * the text it released.
     */
    private static final class Pending {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder answer = new StringBuilder();
        private final Map<Integer, StringBuilder> toolArguments = new TreeMap<>();
        private boolean finished;

        StringBuilder arguments(int index) {
            return toolArguments.computeIfAbsent(index, any -> new StringBuilder());
        }
    }
}
