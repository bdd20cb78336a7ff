package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.provider.gemini.GeminiContent.Part;
import dev.tollgate.model.openai.ContentPart;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the parts of a user message into Gemini parts: text as text; images, audio and files given as base64
 * {@code data:} URIs as {@code inlineData}; images given as https URLs as {@code fileData}, whose MIME type Gemini
 * requires and which is read from the URL's file extension. Anything Gemini cannot be given is a 400 that says so.
 */
final class GeminiMedia {

    // The image types Gemini accepts, by file extension.
    private static final Map<String, String> IMAGE_TYPES = Map.of(
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "webp", "image/webp",
            "heic", "image/heic",
            "heif", "image/heif");

    private GeminiMedia() {}

    static Part toPart(ContentPart part, int i) {
        String param = GeminiContents.contentParam(i);
        return switch (String.valueOf(part.type())) {
            case "text" -> Part.text(part.text() == null ? "" : part.text());
            case "image_url" ->
                image(part.imageUrl() == null ? null : part.imageUrl().url(), param);
            case "input_audio" -> audio(part.extra().get("input_audio"), param);
            case "file" -> file(part.extra().get("file"), param);
            default -> throw GeminiMapper.invalid("content parts of type " + part.type() + " are not supported", param);
        };
    }

    private static Part image(@Nullable String url, String param) {
        if (url == null || url.isBlank()) {
            throw GeminiMapper.invalid("an image_url part needs a url", param);
        }
        if (url.startsWith("data:")) {
            return dataUri(url, param);
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return Part.file(imageType(url, param), url);
        }
        throw GeminiMapper.invalid("images must be https URLs or base64 data: URIs", param);
    }

    private static String imageType(String url, String param) {
        String path = pathOf(url).toLowerCase(Locale.ROOT);
        String extension = path.substring(path.lastIndexOf('.') + 1);
        String type = path.contains(".") ? IMAGE_TYPES.get(extension) : null;
        if (type == null) {
            throw GeminiMapper.invalid(
                    "the type of the image at " + url + " cannot be told from its name (Gemini takes .png, .jpg, "
                            + ".jpeg, .webp, .heic and .heif URLs); send it as a base64 data: URI instead",
                    param);
        }
        return type;
    }

    private static String pathOf(String url) {
        try {
            String path = URI.create(url).getPath();
            return path == null ? "" : path;
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    // data:[<mime type>][;<parameter>];base64,<data>
    private static Part dataUri(String uri, String param) {
        int comma = uri.indexOf(',');
        String header = comma < 0 ? "" : uri.substring("data:".length(), comma);
        String mimeType = header.contains(";") ? header.substring(0, header.indexOf(';')) : header;
        if (!header.endsWith(";base64") || mimeType.isBlank()) {
            throw GeminiMapper.invalid("data: URIs must name their type and be base64, data:<type>;base64,…", param);
        }
        return Part.inline(mimeType, uri.substring(comma + 1));
    }

    private static Part audio(@Nullable Object audio, String param) {
        if (!(audio instanceof Map<?, ?> input) || !(input.get("data") instanceof String data)) {
            throw GeminiMapper.invalid("an input_audio part needs base64 data", param);
        }
        String format = String.valueOf(input.get("format"));
        return Part.inline("audio/" + ("mp3".equals(format) ? "mp3" : "wav"), data);
    }

    private static Part file(@Nullable Object file, String param) {
        if (file instanceof Map<?, ?> given && given.get("file_data") instanceof String data) {
            return dataUri(data.startsWith("data:") ? data : "data:application/pdf;base64," + data, param);
        }
        throw GeminiMapper.invalid(
                "files must be sent inline as file_data; a file_id refers to an OpenAI upload Gemini cannot read",
                param);
    }
}
