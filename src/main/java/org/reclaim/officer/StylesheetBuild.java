package org.reclaim.officer;

import de.larsgrefer.sass.embedded.SassCompiler;
import de.larsgrefer.sass.embedded.SassCompilerFactory;
import de.larsgrefer.sass.embedded.importer.ClasspathImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import com.sass_lang.embedded_protocol.OutputStyle;

/**
 * Build time only (exec-maven-plugin, process-classes): compiles the GOV.UK Frontend Sass from its webjar with the
 * council's system font stack. The GDS Transport font and the crown are restricted to GOV.UK, so neither is included.
 * The Sass compiler is a provided dependency: it is not in the application's jar and this class is never loaded there.
 */
public final class StylesheetBuild {

    /** Kept in step with the govuk-frontend webjar version in the pom. */
    static final String GOVUK_FRONTEND = "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk";

    private StylesheetBuild() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        try (SassCompiler compiler = SassCompilerFactory.bundled()) {
            compiler.setOutputStyle(OutputStyle.COMPRESSED);
            // the deprecation warnings of GOV.UK Frontend's own Sass are theirs to fix, not ours to read on every build
            compiler.setQuietDeps(true);
            compiler.registerImporter(new ClasspathImporter(StylesheetBuild.class.getClassLoader()).autoCanonicalize());
            String css = compiler.compileScssString("""
                    @use "%s/index" with (
                      $govuk-font-family: (system-ui, -apple-system, "Segoe UI", Roboto, arial, sans-serif),
                      $govuk-include-default-font-face: false,
                      $govuk-assets-path: "/assets/"
                    );
                    """.formatted(GOVUK_FRONTEND) + Files.readString(Path.of("src/main/resources/officer.scss")))
                    .getCss();
            Files.writeString(out, css);
        }
    }
}
