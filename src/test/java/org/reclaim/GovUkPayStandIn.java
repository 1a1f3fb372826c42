package org.reclaim;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A local stand-in for GOV.UK Pay's API (WireMock), started once per test JVM on a free port, which Reclaim's
 * {@code reclaim.govuk-pay.base-url} points at in every {@link IntegrationTest}.
 * <p>
 * Why an initializer: all integration tests share one Spring context, and a test class that set the URL itself
 * ({@code @DynamicPropertySource}) would get a second context and a second embedded PostgreSQL. A fixed port in
 * application-test.properties would clash when two builds run at once on a shared machine. The initializer is part of
 * {@link IntegrationTest}, so every integration test has the same configuration (one context), and the port is one the
 * operating system chose. Tests give each stub its own payment id or reference, so they never need to reset it.
 */
public final class GovUkPayStandIn implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static WireMockServer server;

    /** The running stand-in, started on first use. */
    public static synchronized WireMockServer server() {
        if (server == null) {
            WireMockServer started = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "govuk-pay-stand-in-stop"));
            server = started;
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("govuk-pay-stand-in",
                Map.of("reclaim.govuk-pay.base-url", "http://127.0.0.1:" + server().port(),
                        // GOV.UK Notify's stand-in is the same server: Notify's paths (/v2/...) do not meet Pay's (/v1/...)
                        "reclaim.notify.base-url", "http://127.0.0.1:" + server().port())));
    }
}
