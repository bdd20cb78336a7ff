package dev.tollgate.model.prompt;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Redis layout of published prompt templates, an addition to {@code dev.tollgate.model.config.ConfigKeys}.
 *
 * <pre>
 * tollgate:template:{tenant_id|global}:{name}   TemplateSnapshot; absent until a version is published
 * tollgate:config:changes                       ConfigChange {"kind":"template","id":"{tenant_id|global}:{name}"}
 * </pre>
 *
 * <p>{@code global} stands for a platform-wide template, which every tenant may use. A gateway resolving a name for a
 * tenant should look under the tenant first, then under {@code global}. Names never contain {@code :}.
 */
public final class TemplateKeys {

    /** The {@code ConfigChange.kind} announcing a template change. */
    public static final String CHANGE_KIND = "template";

    /** The owner segment of a platform-wide template's key. */
    public static final String GLOBAL = "global";

    /** What SCAN matches before {@link #PUBLISHED} filters it. */
    public static final String SCAN_PATTERN = "tollgate:template:*";

    /** Every published template key and nothing else. */
    public static final Pattern PUBLISHED = Pattern.compile("^tollgate:template:[^:]+:[^:]+$");

    private TemplateKeys() {}

    /** The key of the template {@code name} owned by {@code tenantId}, or platform-wide when that is {@code null}. */
    public static String template(@Nullable String tenantId, String name) {
        return "tollgate:template:" + changeId(tenantId, name);
    }

    /** The {@code ConfigChange.id} for a change to one template. */
    public static String changeId(@Nullable String tenantId, String name) {
        return (tenantId == null ? GLOBAL : tenantId) + ":" + name;
    }
}
