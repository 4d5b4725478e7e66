package io.signaldesk.analyzer.domain;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link WithinCalls}: one violation per count past {@code calls}, at that count's field. */
public class CallCountsWithinCalls implements ConstraintValidator<WithinCalls, CallCounts> {

    @Override
    public boolean isValid(CallCounts counts, ConstraintValidatorContext context) {
        if (counts == null || counts.calls() == null) {
            return true; // a missing calls is its own violation (@NotNull)
        }
        context.disableDefaultConstraintViolation();
        int calls = counts.calls();
        boolean valid = check(context, "right", counts.right(), calls, "must be at most calls (" + calls + ")");
        valid &= check(context, "acted", counts.acted(), calls, "must be at most calls (" + calls + ")");
        Integer last = counts.last() == null ? null : counts.last().length();
        valid &= check(context, "last", last, calls, "must be at most calls (" + calls + ") letters long");
        return valid;
    }

    private static boolean check(ConstraintValidatorContext context, String field, Integer value, int calls,
            String message) {
        if (value == null || value <= calls) {
            return true;
        }
        context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
