package dev.tollgate.gateway.anthropic;

import dev.tollgate.gateway.anthropic.ContentBlock.BlockSource;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ContentPart;
import dev.tollgate.model.openai.MessageContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI message content to Anthropic blocks: text, images ({@code data:} URIs become base64 sources, http(s) URLs
 * URL sources) and PDF files given as data. A part's {@code cache_control} (a common OpenAI-side extension) is kept.
 * Empty text parts are left out, because Anthropic refuses empty text blocks.
 */
final class ContentParts {

    private static final String DATA = "data:";
    private static final String BASE64 = ";base64,";

    private ContentParts() {}

    static List<ContentBlock> blocks(@Nullable MessageContent content, String param) {
        if (content instanceof MessageContent.Parts parts) {
            return blocks(parts.parts(), param);
        }
        return content == null ? List.of() : List.of(ContentBlock.text(content.text()));
    }

    private static List<ContentBlock> blocks(List<ContentPart> parts, String param) {
        List<ContentBlock> blocks = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            ContentBlock block = block(parts.get(i), "%s[%d]".formatted(param, i));
            if (block != null) {
                blocks.add(block.withCacheControl(cacheControl(parts.get(i).extra())));
            }
        }
        return blocks;
    }

    private static @Nullable ContentBlock block(ContentPart part, String param) {
        return switch (String.valueOf(part.type())) {
            case "text" -> part.text() == null || part.text().isEmpty() ? null : ContentBlock.text(part.text());
            case "image_url" -> image(part.imageUrl(), param);
            case "file" -> document(part.extra().get("file"), param);
            default ->
                throw invalid("Content parts of type '%s' cannot be sent to Anthropic.".formatted(part.type()), param);
        };
    }

    private static ContentBlock image(ContentPart.@Nullable ImageUrl image, String param) {
        String url = image == null ? null : image.url();
        if (url == null) {
            throw invalid("An image_url part needs a url.", param + ".image_url.url");
        }
        if (url.startsWith(DATA)) {
            return ContentBlock.media(ContentBlock.IMAGE, base64(url, param + ".image_url.url"));
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return ContentBlock.media(ContentBlock.IMAGE, BlockSource.url(url));
        }
        throw invalid("Images must be https URLs or base64 data URIs.", param + ".image_url.url");
    }

    private static ContentBlock document(@Nullable Object file, String param) {
        if (file instanceof Map<?, ?> fields
                && fields.get("file_data") instanceof String data
                && data.startsWith(DATA)) {
            return ContentBlock.media(ContentBlock.DOCUMENT, base64(data, param + ".file.file_data"));
        }
        throw invalid("Files must be sent to Anthropic inline, as a base64 data URI in file_data.", param + ".file");
    }

    // data:<media type>[;parameters];base64,<data>
    private static BlockSource base64(String uri, String param) {
        int marker = uri.indexOf(BASE64);
        if (marker < 0) {
            throw invalid("Data URIs must be base64-encoded, as data:<media type>;base64,<data>.", param);
        }
        String mediaType = uri.substring(DATA.length(), marker);
        int parameters = mediaType.indexOf(';');
        return BlockSource.base64(
                parameters < 0 ? mediaType : mediaType.substring(0, parameters),
                uri.substring(marker + BASE64.length()));
    }

    @SuppressWarnings("unchecked")
    static @Nullable Map<String, Object> cacheControl(Map<String, Object> extra) {
        return extra.get("cache_control") instanceof Map<?, ?> control ? (Map<String, Object>) control : null;
    }

    static GatewayException invalid(String message, String param) {
        return GatewayException.invalid(ErrorCode.INVALID_REQUEST, message, param);
    }
}
