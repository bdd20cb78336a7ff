package dev.tollgate.model.guardrail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One detector and what to do when it matches.
 *
 * @param detector one of {@link #DETECTORS}
 * @param action {@code block} (the request is refused with 400 {@code content_policy_violation} before any provider
 *     is called, or the answer is withheld), {@code redact} (the match is replaced before it goes on) or {@code log}
 *     (recorded only)
 * @param terms for {@code deny_list}: the words and phrases (a topic is a list of its words), matched whole-word and
 *     case-insensitively; for {@code pii.national_id}: regular expressions of the ids to find; empty otherwise
 * @param label the name shown for matches of this rule, such as {@code US_SSN} for a national id pattern (it also
 *     names its placeholders, {@code <US_SSN_1>}); {@code null} for the detector's own name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuardrailRule(
        String detector,
        String action,
        List<String> terms,
        @Nullable String label) {

    public static final String BLOCK = "block";
    public static final String REDACT = "redact";
    public static final String LOG = "log";

    /** E-mail addresses. */
    public static final String EMAIL = "pii.email";
    /** Phone numbers, recognised with libphonenumber. */
    public static final String PHONE = "pii.phone";
    /** Payment card numbers that pass the Luhn check. */
    public static final String CARD = "pii.card";
    /** IBANs whose check digits are right. */
    public static final String IBAN = "pii.iban";
    /** National ids given by pattern in {@link #terms}. */
    public static final String NATIONAL_ID = "pii.national_id";
    /** API keys and secrets: known key formats and high-entropy tokens. */
    public static final String SECRET = "pii.secret";
    /** IPv4 and IPv6 addresses. */
    public static final String IP = "pii.ip";
    /** Prompt injection and jailbreak attempts in user content (input only). */
    public static final String INJECTION = "injection";
    /** Words and topics from {@link #terms}. */
    public static final String DENY_LIST = "deny_list";
    /** An answer that is not valid for the JSON schema its request asked for (output only; block or log). */
    public static final String JSON_SCHEMA = "json_schema";

    public static final Set<String> DETECTORS =
            Set.of(EMAIL, PHONE, CARD, IBAN, NATIONAL_ID, SECRET, IP, INJECTION, DENY_LIST, JSON_SCHEMA);

    public static final Set<String> ACTIONS = Set.of(BLOCK, REDACT, LOG);

    public GuardrailRule {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
