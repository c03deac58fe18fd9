package nl.nabij.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application over HTTP on a random port, against a fresh embedded Neo4j (Bolt on a random port) with the
 * demo data loaded. Every class carrying it shares one application context, so the database starts once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "nabij.embedded.home=target/test-neo4j/${random.uuid}",
            "nabij.embedded.bolt-port=0",
            "nabij.embedded.page-cache=64m",
            "nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET
        })
@Import(StatementCounter.class)
public @interface NabijIntegrationTest {}
