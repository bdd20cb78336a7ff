package dev.tollgate.admin.budget;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Alert thresholds: strictly ascending, so each is unique. Their range is checked per element. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AscendingPercentages.Validator.class)
@interface AscendingPercentages {

    String message() default "must be ascending without repeats, such as 50, 80, 100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<AscendingPercentages, List<Integer>> {

        @Override
        public boolean isValid(@Nullable List<Integer> values, ConstraintValidatorContext context) {
            if (values == null) {
                return true;
            }
            for (int i = 1; i < values.size(); i++) {
                Integer previous = values.get(i - 1);
                Integer current = values.get(i);
                if (previous != null && current != null && previous >= current) {
                    return false;
                }
            }
            return true;
        }
    }
}
