package io.signaldesk.common.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body whose unknown fields are refused (a 400 "x is not a known field" naming it) instead of ignored:
 * a person's typo ({@code "polcy"}, {@code "sizePc"}, {@code "autoMinConfidnce"}) must not run with the setting left
 * as it was. Jackson has no per-class switch for this ({@code @JsonIgnoreProperties(ignoreUnknown = false)} defers to
 * the mapper, which Quarkus sets to ignore), so {@link StrictJson} checks for this mark; messages from other services
 * and venues keep ignoring fields they may add.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownFieldsOnly {
}
