package org.reclaim.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The letters' templates: the shipped default of each document code ({@code templates/documents/<CODE>.html}, XHTML,
 * which may use the shared fragments of {@code templates/documents/letter.html}), or the authority's newest own version.
 * Every field a template uses is written {@code d.field}; a letter is rendered only when its data has every one, so a
 * missing field is refused (naming it) at preview rather than found missing on a printed letter.
 */
@Component
class DocumentTemplates {

    /** The layout's fragments, whose fields every letter that uses them needs. */
    private static final String LAYOUT = "letter";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]+");
    private static final Pattern FIELD = Pattern.compile("\\bd\\.([a-zA-Z][a-zA-Z0-9]*)");
    private static final Pattern USES_LAYOUT = Pattern.compile("documents/letter\\s*::");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final Map<String, Optional<String>> shipped = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> fieldsOf = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        // classpath first (the shipped templates and the layout's fragments), then a template held as text
        ClassLoaderTemplateResolver classpath = new ClassLoaderTemplateResolver();
        classpath.setPrefix("templates/");
        classpath.setSuffix(".html");
        classpath.setTemplateMode(TemplateMode.XML);
        classpath.setCharacterEncoding("UTF-8");
        classpath.setCheckExistence(true);
        classpath.setCacheable(true);
        classpath.setOrder(1);
        StringTemplateResolver text = new StringTemplateResolver();
        text.setTemplateMode(TemplateMode.XML);
        text.setCacheable(true);   // keyed by the text itself, so a new version is a new entry
        text.setOrder(2);
        engine.addTemplateResolver(classpath);
        engine.addTemplateResolver(text);
    }

    /** The template the authority uses for the code: its own newest version, else the shipped one. */
    Template of(int authorityId, String code) {
        Optional<String> own = jdbc.sql("""
                select body from authority_document_template where authority_id = ? and document_code = ?
                order by version desc limit 1""").params(authorityId, code).query(String.class).optional();
        if (own.isPresent()) {
            return new Template(code, own.get(), own.get());
        }
        String source = shipped(code).orElseThrow(() -> InvalidInput.of("documentCode", "has no template: " + code));
        return new Template(code, "documents/" + code, source);
    }

    /** A template: its code, the name Thymeleaf resolves it by (a classpath name, or the text itself) and its text. */
    record Template(String code, String name, String source) {
    }

    /** The fields the template needs, in the order they first appear (the layout's after the letter's own). */
    Set<String> fields(Template t) {
        return fieldsOf.computeIfAbsent(t.source(), source -> {
            Set<String> fields = new LinkedHashSet<>();
            collect(source, fields);
            if (USES_LAYOUT.matcher(source).find()) {
                collect(shipped(LAYOUT).orElseThrow(), fields);
            }
            return java.util.Collections.unmodifiableSet(fields);
        });
    }

    /** The letter as XHTML; refused (400, naming {@code data.<field>}) if the data lacks a field the template uses. */
    String render(Template t, Map<String, Object> data) {
        var missing = fields(t).stream().filter(f -> data.get(f) == null)
                .map(f -> new InvalidInput.FieldError("data." + f, "is required by the " + t.code() + " template")).toList();
        if (!missing.isEmpty()) {
            throw InvalidInput.of(missing);
        }
        Context context = new Context();
        context.setVariable("d", data);
        try {
            return engine.process(t.name(), context);
        } catch (TemplateProcessingException e) {
            // a field of the wrong shape (text where a list of rows is wanted) or a row without a field the template uses
            throw InvalidInput.of("data", "cannot fill the " + t.code() + " template: " + e.getMessage());
        }
    }

    /** A new version of the authority's own wording for a code (its number); the next letter of that code uses it. */
    int override(int authorityId, String code, String body, String reason) {
        if (!CODE.matcher(code).matches() || shipped(code).isEmpty()) {
            throw InvalidInput.of("documentCode", "has no shipped template: " + code);
        }
        if (!body.contains("<html")) {
            throw InvalidInput.of("body", "must be an XHTML document (<html xmlns=\"http://www.w3.org/1999/xhtml\" ...>)");
        }
        return jdbc.sql("""
                insert into authority_document_template (authority_id, document_code, version, body, reason, created_by, created_at)
                select ?, ?, coalesce(max(version), 0) + 1, ?, ?, ?, ? from authority_document_template
                where authority_id = ? and document_code = ?
                returning version""")
                .params(authorityId, code, body, reason, AccessAudit.currentUser(), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                        authorityId, code)
                .query(Integer.class).single();
    }

    private Optional<String> shipped(String code) {
        if (!CODE.matcher(code).matches() && !LAYOUT.equals(code)) {
            return Optional.empty();
        }
        return shipped.computeIfAbsent(code, c -> {
            ClassPathResource file = new ClassPathResource("templates/documents/" + c + ".html");
            if (!file.exists()) {
                return Optional.empty();
            }
            try (InputStream in = file.getInputStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the template " + c, e);
            }
        });
    }

    private static void collect(String source, Set<String> into) {
        Matcher m = FIELD.matcher(source);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
