package org.reclaim.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** Refusals on the API as problem+json, like every other API error. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Reclaim\"");
        write(response, 401, "Unauthorized", "Sign in with your Reclaim user name and password (HTTP Basic).");
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(response, 403, "Forbidden", "Your role does not allow this.");
    }

    private static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
