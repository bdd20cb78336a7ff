package dev.tollgate.admin.provider;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A provider account as the API shows it: the API key never, its last four characters at most. */
public record ProviderView(
        UUID id,
        String name,
        String type,
        @Nullable String baseUrl,
        Map<String, String> settings,
        @Nullable String apiKeyLast4,
        Instant createdAt) {}
