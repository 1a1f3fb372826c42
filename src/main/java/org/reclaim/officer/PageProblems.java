package org.reclaim.officer;

import java.util.UUID;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What an officer sees when a page cannot be shown: a GOV.UK page that says what is wrong, never a stack trace.
 * Forms catch their own {@link InvalidInput} and show it in the error summary; one that reaches here is a link
 * with a bad parameter.
 */
@ControllerAdvice(basePackageClasses = PageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)   // before the API's problem+json handler, which would answer a page with JSON
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    private final PageModel pageModel;

    PageProblems(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        return show(response, model, HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(InvalidInput.class)
    String invalid(InvalidInput e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        return show(response, model, HttpStatus.BAD_REQUEST, "There is a problem",
                e.errors().get(0).message(), null);
    }

    @ExceptionHandler(Conflict.class)
    String conflict(Conflict e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        return show(response, model, HttpStatus.CONFLICT, "This cannot be done now", e.getMessage(), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        return show(response, model, HttpStatus.FORBIDDEN, "You cannot do this",
                "Your role does not allow this. Ask your team leader if you need it.", null);
    }

    @ExceptionHandler({org.springframework.web.bind.ServletRequestBindingException.class,
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class})
    String badLink(Exception e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        return show(response, model, HttpStatus.BAD_REQUEST, "There is a problem",
                "The link or form had a missing or wrong value. Go back and try again.", null);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Page failed [{}]", reference, e);
        return show(response, model, HttpStatus.INTERNAL_SERVER_ERROR, "Sorry, there is a problem",
                "Try again later. Nothing you entered has been saved.", reference);
    }

    private String show(jakarta.servlet.http.HttpServletResponse response, Model model, HttpStatus status,
                        String heading, String detail, @org.jspecify.annotations.Nullable String reference) {
        response.setStatus(status.value());
        // an exception handler's model is a new one, without the layout's @ModelAttribute values: add them here
        model.addAttribute("council", pageModel.council());
        model.addAttribute("signedIn", pageModel.signedIn());
        model.addAttribute("heading", heading);
        model.addAttribute("detail", detail);
        model.addAttribute("reference", reference);
        return "officer/problem";
    }
}
