package dev.parley.shared;

import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** The dashboard's problem page (the pages' counterpart of {@link ProblemHandling}), and what it says. */
public final class PageProblems {

    private PageProblems() {
    }

    static ModelAndView page(HttpStatus status, String title, String detail) {
        ModelAndView view = new ModelAndView("identity/problem");
        view.addObject("title", title);
        view.addObject("detail", detail);
        view.setStatus(status);
        return view;
    }

    public static ModelAndView of(ApiException e) {
        return page(HttpStatus.valueOf(e.status().value()), e.title(), e.getMessage());
    }

    /** A form field or parameter that is not what it should be (an id that is not an id, say): say which. */
    public static ModelAndView of(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected;
        if (type == null) {
            expected = "a valid value";
        } else if (type.isEnum()) {
            expected = "one of " + Arrays.toString(type.getEnumConstants());
        } else {
            expected = switch (type.getSimpleName()) {
                case "UUID" -> "an id";
                case "int", "Integer", "long", "Long" -> "a whole number";
                case "boolean", "Boolean" -> "true or false";
                default -> "a valid " + type.getSimpleName();
            };
        }
        return page(HttpStatus.BAD_REQUEST, "Bad request", e.getName() + " must be " + expected);
    }

    public static ModelAndView of(MissingServletRequestParameterException e) {
        return page(HttpStatus.BAD_REQUEST, "Bad request", e.getParameterName() + " is required");
    }
}
