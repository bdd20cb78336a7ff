package dev.tollgate.gateway.anthropic;

import dev.tollgate.gateway.anthropic.ContentBlock.BlockSource;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.ContentPart;
import dev.tollgate.model.openai.MessageContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Anthropic blocks to OpenAI content, for the ingress: text blocks to text parts (keeping {@code cache_control}),
 * images to {@code image_url} parts (base64 sources as data URIs), base64 PDF documents to {@code file} parts, and a
 * user turn's {@code tool_result} blocks to {@code tool} messages ahead of the rest of the turn.
 */
final class ChatParts {

    private ChatParts() {}

    /** A user turn: one tool message per tool result, then a user message with the other blocks, if any. */
    static List<ChatMessage> user(AnthropicMessage message) {
        List<ChatMessage> messages = new ArrayList<>();
        List<ContentBlock> rest = new ArrayList<>();
        for (ContentBlock block : message.blocks()) {
            if (block.is(ContentBlock.TOOL_RESULT)) {
                messages.add(toolMessage(block));
            } else {
                rest.add(block);
            }
        }
        if (!rest.isEmpty() || messages.isEmpty()) {
            messages.add(new ChatMessage("user", content(rest), null, null, null, null, null));
        }
        return messages;
    }

    private static ChatMessage toolMessage(ContentBlock result) {
        StringBuilder text = new StringBuilder();
        List<ContentBlock> blocks =
                result.content() == null ? List.of() : result.content().blocks();
        for (ContentBlock block : blocks) {
            if (block.is(ContentBlock.TEXT)) {
                text.append(text.isEmpty() ? "" : "\n").append(String.valueOf(block.text()));
            }
        }
        return new ChatMessage(
                "tool", new MessageContent.Text(text.toString()), null, null, result.toolUseId(), null, null);
    }

    /** Blocks as message content: a plain string when they are one uncached text, parts otherwise. */
    static MessageContent content(List<ContentBlock> blocks) {
        if (blocks.size() == 1
                && blocks.getFirst().is(ContentBlock.TEXT)
                && blocks.getFirst().cacheControl() == null) {
            return new MessageContent.Text(String.valueOf(blocks.getFirst().text()));
        }
        List<ContentPart> parts = new ArrayList<>();
        for (ContentBlock block : blocks) {
            ContentPart part = part(block);
            if (part != null) {
                parts.add(part);
            }
        }
        return new MessageContent.Parts(parts);
    }

    private static @Nullable ContentPart part(ContentBlock block) {
        return switch (String.valueOf(block.type())) {
            case ContentBlock.TEXT -> new ContentPart("text", block.text(), null, cacheControl(block));
            case ContentBlock.IMAGE -> image(block.source());
            case ContentBlock.DOCUMENT -> document(block.source());
            default -> null; // thinking and server tool blocks have no OpenAI counterpart
        };
    }

    private static @Nullable ContentPart image(@Nullable BlockSource source) {
        String url = source == null ? null : "url".equals(source.type()) ? source.url() : dataUri(source);
        return url == null ? null : new ContentPart("image_url", null, new ContentPart.ImageUrl(url, null), null);
    }

    private static @Nullable ContentPart document(@Nullable BlockSource source) {
        String data = dataUri(source);
        if (data == null) {
            return null;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("file", Map.of("file_data", data));
        return new ContentPart("file", null, null, extra);
    }

    private static @Nullable String dataUri(@Nullable BlockSource source) {
        if (source == null || !"base64".equals(source.type()) || source.data() == null) {
            return null;
        }
        return "data:" + source.mediaType() + ";base64," + source.data();
    }

    private static @Nullable Map<String, Object> cacheControl(ContentBlock block) {
        if (block.cacheControl() == null) {
            return null;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("cache_control", block.cacheControl());
        return extra;
    }
}
