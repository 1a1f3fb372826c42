package org.reclaim.security;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** A landing page after sign-in, until the officer's workspace (its own module) replaces it. */
@RestController
class HomePage {

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(Authentication user) {
        String role = user.getAuthorities().stream().map(a -> a.getAuthority().replace("ROLE_", "")).findFirst().orElse("");
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Reclaim</title></head>
                <body style="font-family: arial, sans-serif; margin: 2em">
                <h1>Reclaim</h1>
                <p>Signed in as <strong>%s</strong> (%s). <a href="/logout">Sign out</a></p>
                <p>The JSON API is under <code>/api/v1</code>, described at <a href="/v3/api-docs">/v3/api-docs</a>.</p>
                </body></html>""".formatted(HtmlUtils.htmlEscape(user.getName()), HtmlUtils.htmlEscape(role));
    }
}
