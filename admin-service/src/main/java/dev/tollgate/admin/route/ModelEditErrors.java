package dev.tollgate.admin.route;

import dev.tollgate.admin.system.AdminException;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults of a console edit, by the API path of the field ({@code deployments[1].weight}), turned into the rows the
 * user sees: the rows kept are numbered without the blank and removed ones, the page numbers all of them.
 */
final class ModelEditErrors {

    private static final Pattern ROW_FIELD = Pattern.compile("^(deployments|fallbacks)\\[(\\d+)](.*)$");
    private static final Pattern PLACED = Pattern.compile("^(strategy|deployments|fallbacks"
            + "|deployments\\[\\d+]\\.(provider_id|upstream_model|weight|priority|input_price_per_mtok"
            + "|output_price_per_mtok|cached_input_price_per_mtok|cache_write_price_per_mtok)"
            + "|fallbacks\\[\\d+]\\.(model|on)"
            + "|retry\\.(max_retries|backoff_ms|max_backoff_ms)"
            + "|cache\\.(mode|ttl_seconds|similarity_threshold))$");

    private ModelEditErrors() {}

    /** Bean-validation faults by snake_case API path. */
    static Map<String, String> of(Collection<? extends ConstraintViolation<?>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : violations) {
            errors.putIfAbsent(snakeCase(violation.getPropertyPath().toString()), violation.getMessage());
        }
        return errors;
    }

    /** The service's faults: by field when it named them, else its detail as a fault of the whole page. */
    static Map<String, String> of(AdminException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.errors().forEach(error -> errors.putIfAbsent(error.get("field"), error.get("message")));
        if (errors.isEmpty()) {
            errors.put("", String.valueOf(refused.getMessage()));
        }
        return errors;
    }

    /** {@code errors} with kept rows' numbers turned into the page's; a fallback's conditions are one field. */
    static Map<String, String> onPage(ModelEditForm form, Map<String, String> errors) {
        List<Integer> deployments = kept(form.deployments().stream()
                .map(ModelEditForm.DeploymentRow::kept)
                .toList());
        List<Integer> fallbacks = kept(
                form.fallbacks().stream().map(ModelEditForm.FallbackRow::kept).toList());
        Map<String, String> mapped = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            Matcher row = ROW_FIELD.matcher(field);
            if (!row.matches()) {
                mapped.putIfAbsent(field, message);
                return;
            }
            List<Integer> kept = row.group(1).equals("deployments") ? deployments : fallbacks;
            int index = Integer.parseInt(row.group(2));
            int onPage = index < kept.size() ? kept.get(index) : index;
            String rest = row.group(3).replaceFirst("^\\.on\\[\\d+]$", ".on");
            mapped.putIfAbsent(row.group(1) + "[" + onPage + "]" + rest, message);
        });
        return mapped;
    }

    /** The faults the page cannot show next to a field, shown above the form: "field message". */
    static List<String> unplaced(Map<String, String> errors) {
        List<String> unplaced = new ArrayList<>();
        errors.forEach((field, message) -> {
            if (!PLACED.matcher(field).matches()) {
                unplaced.add(field.isEmpty() ? message : field.replace('_', ' ') + " " + message);
            }
        });
        return unplaced;
    }

    private static List<Integer> kept(List<Boolean> kept) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i)) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static String snakeCase(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("\\.?<[^>]*>", "")
                .toLowerCase(Locale.ROOT);
    }
}
