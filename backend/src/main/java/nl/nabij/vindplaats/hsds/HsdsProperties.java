package nl.nabij.vindplaats.hsds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The Open Referral exchange's settings.
 *
 * @param stateProvince the province an exported address lies in: HSDS requires it and Nabij keeps no province
 * @param maxImportSize the largest import Nabij reads, as sent and, for a data package, unpacked
 */
@ConfigurationProperties("nabij.hsds")
record HsdsProperties(@DefaultValue("Flevoland") String stateProvince, @DefaultValue("16MB") DataSize maxImportSize) {}
