package dev.tollgate.gateway.chat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what callers may send, bound from {@code tollgate.api}.
 *
 * @param maxBodySize largest request body accepted; larger ones get 413 before they are read in full
 * @param maxNestingDepth deepest JSON nesting accepted; deeper bodies get 400
 */
@Validated
@ConfigurationProperties("tollgate.api")
public record ApiProperties(
        @DefaultValue("8MB") DataSize maxBodySize,
        @DefaultValue("64") @Min(4) @Max(1000) int maxNestingDepth) {}
