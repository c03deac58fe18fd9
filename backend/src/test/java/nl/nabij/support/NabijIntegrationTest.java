package nl.nabij.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application over HTTP on a random port with the demo data loaded, against a fresh embedded Neo4j (Bolt on
 * a random port) or, in the build's container run, Neo4j in a container ({@link DatabaseUnderTest}). The web app
 * offers sign-in at the {@link TestIdentityProvider}. Every class carrying it shares one application context, so the
 * database starts once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "nabij.embedded.home=target/test-neo4j/${random.uuid}",
            "nabij.embedded.bolt-port=0",
            "nabij.embedded.page-cache=64m",
            "nabij.shutdown.drain-delay=0s",
            "nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET,
            TestTokens.PUBLIC_KEY_PROPERTY,
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + TestMail.SMTP_PORT
        })
@ContextConfiguration(initializers = TestIdentityProvider.Initializer.class)
@Import(StatementCounter.class)
@Tag("integration")
@ExtendWith(DatabaseUnderTest.class)
public @interface NabijIntegrationTest {}
