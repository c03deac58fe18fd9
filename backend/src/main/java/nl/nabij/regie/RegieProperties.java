package nl.nabij.regie;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the regie rules.
 *
 * @param organisations from how many organisations involved a household needs a coordinator
 * @param daysToCoordinator how many days a household with that many organisations may go without a coordinator
 */
@ConfigurationProperties("nabij.regie")
public record RegieProperties(@DefaultValue("3") int organisations, @DefaultValue("30") int daysToCoordinator) {}
