package dev.tollgate.admin.budget;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** An IANA time-zone id the JDK knows, such as {@code Europe/Berlin}; offsets like {@code +02:00} are refused. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeZoneId.Validator.class)
@interface TimeZoneId {

    String message() default "must be an IANA time zone such as Europe/Berlin or UTC";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Absent is valid: the service then uses UTC. */
    final class Validator implements ConstraintValidator<TimeZoneId, String> {

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || ZoneId.getAvailableZoneIds().contains(value);
        }
    }
}
