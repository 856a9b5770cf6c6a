package dev.parley.identity.web;

import dev.parley.encryption.EncryptionException;
import dev.parley.shared.ApiException;
import dev.parley.shared.PageProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A client mistake on a dashboard page shows what is wrong, with the right status, instead of a 500; stored data
 * this server cannot open (a sealed value whose key is gone) says so and what an administrator can do.
 */
@ControllerAdvice(basePackages = {"dev.parley.identity.web", "dev.parley.workspace.web"})
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ApiException.class)
    ModelAndView apiException(ApiException e) {
        return PageProblems.of(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e) {
        return PageProblems.of(e);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e) {
        return PageProblems.of(e);
    }

    /**
     * A page that needs a sealed value this server cannot open (its key is not in the ring, the value is damaged).
     * Still a server-side failure (500), but one that names its cause; the message names keys, never data.
     */
    @ExceptionHandler(EncryptionException.class)
    ModelAndView unreadable(EncryptionException e) {
        log.error("A dashboard page could not open stored data: {}", e.getMessage());
        return PageProblems.of(new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "Unreadable data",
                "Some stored texts of this page cannot be decrypted with the encryption keys this server has."
                        + " Nothing was changed. An administrator can restore the missing key"
                        + " (parley.encryption.keys or the key file) and reload this page."));
    }
}
