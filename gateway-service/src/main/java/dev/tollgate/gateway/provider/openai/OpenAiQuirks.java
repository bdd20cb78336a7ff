package dev.tollgate.gateway.provider.openai;

import java.util.Map;

/**
 * Known deviations of an OpenAI-compatible server from OpenAI's own streaming protocol, switched on per provider in
 * its settings (each {@code "true"} or absent).
 *
 * @param noDone {@code no_done}: its streams end by closing the connection instead of sending {@code [DONE]}, so a
 *     stream whose choices all carried a {@code finish_reason} is complete when the connection closes cleanly
 * @param noStreamUsage {@code no_stream_usage}: it rejects or ignores {@code stream_options}, so none is sent and the
 *     gateway counts the streamed tokens itself unless the server reports usage anyway
 */
record OpenAiQuirks(boolean noDone, boolean noStreamUsage) {

    static final OpenAiQuirks NONE = new OpenAiQuirks(false, false);
    static final String NO_DONE = "no_done";
    static final String NO_STREAM_USAGE = "no_stream_usage";

    static OpenAiQuirks of(Map<String, String> settings) {
        return new OpenAiQuirks(isOn(settings, NO_DONE), isOn(settings, NO_STREAM_USAGE));
    }

    private static boolean isOn(Map<String, String> settings, String name) {
        return "true".equalsIgnoreCase(settings.getOrDefault(name, "").strip());
    }
}
