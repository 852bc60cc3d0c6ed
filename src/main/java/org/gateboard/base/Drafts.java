package org.gateboard.base;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what people enter (a draft: a record whose components carry Bean Validation constraints) in the
 * service, with the very constraints the form's {@code BeanValidationBinder} shows field by field. Each
 * constraint's message names a text key ({@code "{venue.error.code}"}); the first broken one, in the record's
 * component order, is thrown as a {@link UserFacingException} with that key.
 */
@Component
public class Drafts {

    private static final Pattern KEY = Pattern.compile("\\{([a-z]+(\\.[A-Za-z0-9_]+)+)}");

    private final Validator validator;

    Drafts(Validator validator) {
        this.validator = validator;
    }

    public <T extends Record> T requireValid(T draft) {
        List<String> order = Arrays.stream(draft.getClass().getRecordComponents()).map(c -> c.getName()).toList();
        validator.validate(draft).stream()
                .min(Comparator.comparingInt(v -> order.indexOf(v.getPropertyPath().iterator().next().getName())))
                .ifPresent(v -> {
                    throw new UserFacingException(key(v));
                });
        return draft;
    }

    private static String key(ConstraintViolation<?> violation) {
        Matcher key = KEY.matcher(violation.getMessageTemplate());
        if (!key.matches()) {
            throw new IllegalStateException("Constraint on " + violation.getPropertyPath()
                    + " needs a text key as its message, not " + violation.getMessageTemplate());
        }
        return key.group(1);
    }
}
