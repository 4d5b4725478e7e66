package io.signaldesk.analyzer.domain;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An instant no earlier than 2009-01-03 (the first bitcoin block): a number like 1e999999999, which Jackson reads as
 * the epoch, or a year 1000000000 is refused instead of reaching a prompt.
 */
@Documented
@Constraint(validatedBy = Since2009.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface Since2009 {

    String message() default "must be an ISO-8601 instant from 2009-01-03 on";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Since2009, Instant> {
        private static final Instant FIRST = Instant.parse("2009-01-03T00:00:00Z");

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(FIRST);
        }
    }
}
