package nl.nabij.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.nabij.support.NabijIntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

@NabijIntegrationTest
class SchemaMigrationsTest {

    @Autowired
    SchemaMigrations migrations;

    @Autowired
    Driver driver;

    @Test
    void applyingTheMigrationsAgainChangesNothing() {
        List<String> constraintsBefore = names("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name");
        List<String> indexesBefore = names("SHOW INDEXES YIELD name RETURN name ORDER BY name");
        long appliedBefore = appliedMigrations();

        String version = migrations.apply();

        assertThat(version).isEqualTo("006");
        assertThat(appliedMigrations()).isEqualTo(appliedBefore).isEqualTo(6);
        assertThat(names("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name"))
                .isEqualTo(constraintsBefore);
        assertThat(names("SHOW INDEXES YIELD name RETURN name ORDER BY name")).isEqualTo(indexesBefore);
    }

    @Test
    void everyLabelHasAUniqueKeyAndAddressLookupsHaveAnIndex() {
        List<String> uniqueKeys = names(
                """
                SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
                WHERE type = 'UNIQUENESS'
                RETURN labelsOrTypes[0] + '.' + properties[0] AS name ORDER BY name
                """);
        assertThat(uniqueKeys)
                .contains(
                        "Account.username",
                        "AuditChain.id",
                        "AuditEvent.id",
                        "AuditEvent.sequence",
                        "Consent.id",
                        "District.code",
                        "Household.id",
                        "Involvement.id",
                        "Municipality.code",
                        "Neighbourhood.code",
                        "Organisation.id",
                        "Professional.id",
                        "Resident.id",
                        "Resident.pseudonym",
                        "Team.id",
                        "Vindplaats.id");
        assertThat(
                        names(
                                """
                        SHOW INDEXES YIELD labelsOrTypes, properties
                        WHERE labelsOrTypes = ['Household']
                        RETURN reduce(s = '', p IN properties | s + p + ',') AS name
                        """))
                .contains("postcode,houseNumber,");
    }

    private List<String> names(String cypher) {
        return driver.executableQuery(cypher).execute().records().stream()
                .map(record -> record.get("name").asString())
                .toList();
    }

    private long appliedMigrations() {
        return driver.executableQuery("MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE' RETURN count(m) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }
}
