package dev.tollgate.admin.route;

import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.model.route.PriceVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides what the prices sent for an existing deployment mean, without ever rewriting a price version that exists:
 *
 * <ul>
 *   <li>Without {@code effective_from}, the prices are compared with the version the API shows (the one in force
 *       now, or the next to start when none is yet): equal, nothing changes; different, a new version starts now.
 *   <li>With {@code effective_from} naming an existing version, its prices must be that version's (a read model put
 *       back unchanged changes nothing); other prices are refused.
 *   <li>With any other {@code effective_from}, a new version starts then, which must not be in the past.
 * </ul>
 *
 * Versions already scheduled stay. Instants are compared at Postgres' precision, microseconds.
 */
final class PricePlan {

    private PricePlan() {}

    /** A new version to add, none, or what is wrong with the request. */
    sealed interface Decision {}

    record Unchanged() implements Decision {}

    record Add(PriceVersion version) implements Decision {}

    /** @param message what is wrong with {@code effective_from} */
    record Refused(String message) implements Decision {}

    /** The first version of a new deployment: at {@code effective_from}, or now. */
    static PriceVersion first(DeploymentForm form, Instant now) {
        return version(form, form.effectiveFrom() == null ? now : micros(form.effectiveFrom()));
    }

    static Decision decide(DeploymentForm form, List<PriceVersion> versions, Instant now) {
        Instant from = form.effectiveFrom() == null ? null : micros(form.effectiveFrom());
        if (from == null) {
            return shown(versions, now)
                    .filter(current -> samePrices(current, form))
                    .<Decision>map(current -> new Unchanged())
                    .orElseGet(() -> new Add(version(form, now)));
        }
        Optional<PriceVersion> existing = versions.stream()
                .filter(version -> micros(version.effectiveFrom()).equals(from))
                .findFirst();
        if (existing.isPresent()) {
            return samePrices(existing.get(), form)
                    ? new Unchanged()
                    : new Refused("already starts a price version with other prices, and prices are never rewritten:"
                            + " choose a later effective_from, or omit it to change the prices from now on");
        }
        if (from.isBefore(now)) {
            return new Refused(
                    "must not be in the past for an existing deployment: prices already in force are never rewritten");
        }
        return new Add(version(form, from));
    }

    /** The version the API shows: in force at {@code now}, else the earliest scheduled one. */
    static Optional<PriceVersion> shown(List<PriceVersion> versions, Instant now) {
        Optional<PriceVersion> inForce = versions.stream()
                .filter(version -> !version.effectiveFrom().isAfter(now))
                .max(Comparator.comparing(PriceVersion::effectiveFrom));
        return inForce.or(() -> versions.stream().min(Comparator.comparing(PriceVersion::effectiveFrom)));
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean samePrices(PriceVersion version, DeploymentForm form) {
        return same(version.inputPerMtok(), form.inputPricePerMtok())
                && same(version.outputPerMtok(), form.outputPricePerMtok())
                && same(version.cachedInputPerMtok(), form.cachedInputPricePerMtok())
                && same(version.cacheWritePerMtok(), form.cacheWritePricePerMtok());
    }

    private static boolean same(@Nullable BigDecimal stored, @Nullable BigDecimal sent) {
        return stored == null || sent == null ? stored == sent : stored.compareTo(sent) == 0;
    }

    private static PriceVersion version(DeploymentForm form, Instant from) {
        return new PriceVersion(
                from,
                Objects.requireNonNull(form.inputPricePerMtok()),
                Objects.requireNonNull(form.outputPricePerMtok()),
                form.cachedInputPricePerMtok(),
                form.cacheWritePricePerMtok());
    }
}
