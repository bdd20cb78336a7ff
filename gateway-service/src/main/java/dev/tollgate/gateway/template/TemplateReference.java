package dev.tollgate.gateway.template;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.prompt.PublishedPrompt;
import dev.tollgate.model.prompt.TemplateSnapshot;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A model name of the form {@code template:<name>}, {@code template:<name>@<label>} or {@code template:<name>@v<n>}.
 *
 * @param name the template's name
 * @param label the label asked for ({@code production} when none is given); {@code null} when a version is
 * @param version the version asked for; {@code null} when a label is
 */
record TemplateReference(
        String name, @Nullable String label, @Nullable Integer version) {

    static final String PREFIX = "template:";
    static final String DEFAULT_LABEL = "production";

    private static final Pattern VERSION = Pattern.compile("v[1-9][0-9]{0,8}");

    /** The reference {@code model} names, or {@code null} when it names an ordinary model. */
    static @Nullable TemplateReference of(@Nullable String model) {
        if (model == null || !model.startsWith(PREFIX)) {
            return null;
        }
        String reference = model.substring(PREFIX.length());
        int at = reference.indexOf('@');
        String name = at < 0 ? reference : reference.substring(0, at);
        String selector = at < 0 ? DEFAULT_LABEL : reference.substring(at + 1);
        if (name.isBlank() || name.contains(":") || selector.isBlank()) {
            throw GatewayException.invalid(
                    ErrorCode.INVALID_REQUEST,
                    "'model' must be template:<name>, template:<name>@<label> or template:<name>@v<version>.",
                    "model");
        }
        return VERSION.matcher(selector).matches()
                ? new TemplateReference(name, null, Integer.valueOf(selector.substring(1)))
                : new TemplateReference(name, selector, null);
    }

    /**
     * The published version this reference picks in {@code snapshot}, or a 404 naming what is missing. A label with
     * weighted splits is served by a draw from {@code random} among its split versions, each with the chance of its
     * weight; split entries that name no published version or have no positive weight are left out, and a label left
     * with none is served by its single version.
     */
    PublishedPrompt pick(TemplateSnapshot snapshot, RandomGenerator random) {
        Integer drawn = label == null ? null : LabelSplits.draw(snapshot, label, random);
        Integer wanted = version != null
                ? version
                : drawn != null ? drawn : snapshot.labels().get(label);
        if (wanted == null) {
            throw notFound("The prompt template '%s' has no version labelled '%s'.".formatted(name, label));
        }
        return snapshot.versions().stream()
                .filter(published -> published.version() == wanted)
                .findFirst()
                .orElseThrow(() ->
                        notFound("The prompt template '%s' has no published version %d.".formatted(name, wanted)));
    }

    /** The 404 of a template that does not exist for the caller's tenant nor platform-wide. */
    GatewayException unknown() {
        return notFound("The prompt template '%s' does not exist or you do not have access to it.".formatted(name));
    }

    private static GatewayException notFound(String message) {
        return GatewayException.invalid(ErrorCode.MODEL_NOT_FOUND, message, "model");
    }
}
