package org.reclaim.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every API error is an RFC 9457 problem+json that says what is wrong and in which field ({@code errors[].field});
 * never a stack trace. Unexpected failures are logged with an id that the response repeats.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final String WRONG_TYPE = "has the wrong type or format";
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalid(InvalidInput e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.errors());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException e) {
        // Reclaim's own types refuse impossible values with IllegalArgumentException and a message that names the rule;
        // one thrown by a library is a defect, not the caller's fault, and its text is not for the caller
        if (e.getStackTrace().length == 0 || !e.getStackTrace()[0].getClassName().startsWith("org.reclaim.")) {
            return unexpected(e);
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new InvalidInput.FieldError("request", e.getMessage())));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(p);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Object> conflict(Conflict e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
    }

    @ExceptionHandler(OutsideServiceFailed.class)
    ResponseEntity<Object> outsideService(OutsideServiceFailed e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        p.setTitle(e.status() == HttpStatus.BAD_GATEWAY ? "Bad gateway" : "Service unavailable");
        return ResponseEntity.status(e.status()).body(p);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        // the database's own message can quote values (personal data): log its class only, answer in general terms
        String id = UUID.randomUUID().toString();
        log.warn("Refused by a database constraint [{}]: {}", id, e.getMostSpecificCause().getClass().getSimpleName());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change conflicts with data already recorded (a duplicate or a broken rule); nothing was saved. Reference " + id + ".");
        p.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this.");
        p.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        String id = UUID.randomUUID().toString();
        log.error("Unexpected error [{}]", id, e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong and nothing was saved. Quote reference " + id + " to the system administrator.");
        p.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new InvalidInput.FieldError(f.getField(),
                f.getDefaultMessage() == null ? "is not valid" : f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new InvalidInput.FieldError(g.getObjectName(),
                g.getDefaultMessage() == null ? "is not valid" : g.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new InvalidInput.FieldError(r.getMethodParameter().getParameterName() == null ? "request" : r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage() == null ? "is not valid" : err.getDefaultMessage()))));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", errors.isEmpty()
                ? List.of(new InvalidInput.FieldError("request", "is not valid")) : errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException d && !d.getPath().isEmpty()) {
            String field = path(d.getPath());
            String why = cause.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                    ? iae.getMessage()
                    : cause instanceof MismatchedInputException m && m.getTargetType() != null ? expected(m.getTargetType())
                    : "has the wrong type or format";
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new InvalidInput.FieldError(field, why)));
        }
        String why = cause instanceof JacksonException ? "the body is not valid JSON" : "the request body is missing or unreadable";
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new InvalidInput.FieldError("body", why)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new InvalidInput.FieldError(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String why = type != null && !expected(type).equals(WRONG_TYPE) ? expected(type)
                : e.getCause() != null && e.getCause().getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                        && iae.getStackTrace().length > 0 && iae.getStackTrace()[0].getClassName().startsWith("org.reclaim.")
                ? iae.getMessage() : WRONG_TYPE;
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new InvalidInput.FieldError(e.getName(), why)));
    }

    /** What a field of this type should look like, in words a caller can act on. */
    static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "must be a date written like 2026-04-01";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "must be a whole number (amounts are in pence)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "must be text";
        }
        return WRONG_TYPE;
    }

    private static String path(List<JacksonException.Reference> refs) {
        StringBuilder s = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            if (r.getPropertyName() != null) {
                if (!s.isEmpty()) {
                    s.append('.');
                }
                s.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.isEmpty() ? "body" : s.toString();
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, List<InvalidInput.FieldError> errors) {
        InvalidInput.FieldError first = errors.get(0);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, first.field() + ": " + first.message());
        p.setTitle(title);
        p.setProperty("field", first.field());
        p.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        return ResponseEntity.status(status).body(p);
    }
}
