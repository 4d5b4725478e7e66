package io.signaldesk.analyzer.domain;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A record's {@code right}, {@code acted} and {@code last} are each at most its {@code calls}: each one past it is a
 * violation at its own field ({@code record.right}), so the 400 names a field the caller sent.
 */
@Documented
@Constraint(validatedBy = CallCountsWithinCalls.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface WithinCalls {

    String message() default "must be at most calls";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
