package org.reclaim;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole application and a real (embedded) PostgreSQL. Every such class shares one context and
 * one database, so each test makes its own data and asserts on that, never on table-wide counts. Outside services are
 * local stand-ins: GOV.UK Pay is {@link GovUkPayStandIn}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)   // a real server too, for the browser tests
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = GovUkPayStandIn.class)
public @interface IntegrationTest {
}
