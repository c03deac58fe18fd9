package nl.nabij.database;

import java.util.Set;
import org.neo4j.driver.NotificationClassification;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database does not tell the driver about names it does not know yet ({@code UNRECOGNIZED}: a property, label or
 * relationship type no node has). A store that holds no confidential resident yet has no {@code confidential}
 * property, so every household view drew that warning, and Spring Data Neo4j logged it with the whole statement, its
 * log line masked for personal data by regular expressions: 9 % of the app's CPU under household views
 * (docs/explanation/performance.md). Performance, deprecation and the other notifications are still sent and logged.
 */
@Configuration(proxyBeanMethods = false)
class DriverNotifications {

    @Bean
    ConfigBuilderCustomizer noUnrecognizedNameNotifications() {
        return builder ->
                builder.withDisabledNotificationClassifications(Set.of(NotificationClassification.UNRECOGNIZED));
    }
}
