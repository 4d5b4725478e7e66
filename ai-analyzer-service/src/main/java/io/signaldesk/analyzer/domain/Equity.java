package io.signaldesk.analyzer.domain;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/** An amount greater than 0 and at most 1e12, with at most 18 decimals: checked before anything reaches a prompt or the model. */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@DecimalMin(value = "0", inclusive = false)
@DecimalMax("1000000000000")
@Digits(integer = 13, fraction = 18)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface Equity {

    String message() default "must be greater than 0 and at most 1e12, with at most 18 decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
