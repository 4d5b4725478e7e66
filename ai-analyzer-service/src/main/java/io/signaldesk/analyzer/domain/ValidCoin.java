package io.signaldesk.analyzer.domain;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A coin of a request's market snapshot (the trading core's {@code CoinSnapshot}, the type the feed and the decision
 * service send) kept within the bounds a prompt may show: each field out of them is a violation naming it
 * ({@link CoinBounds}).
 */
@Documented
@Constraint(validatedBy = CoinBounds.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface ValidCoin {

    String message() default "must be a coin of the feed's snapshot";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
