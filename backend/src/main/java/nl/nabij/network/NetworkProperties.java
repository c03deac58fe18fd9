package nl.nabij.network;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the missing-link rules compare against.
 *
 * @param referenceDisciplines the disciplines a wijkteam is expected to have among its members
 */
@ConfigurationProperties("nabij.network")
public record NetworkProperties(
        @DefaultValue({"DISTRICT_NURSING", "YOUTH_HEALTH_CARE", "WORK_AND_INCOME", "DEBT_COUNSELLING", "MENTAL_HEALTH"})
                List<String> referenceDisciplines) {}
