/**
 * The real geography of a municipality from the files CBS publishes: its districts (wijken) and neighbourhoods
 * (buurten) from the Wijk- en buurtkaart table, and every address's neighbourhood from the postcode/house-number file
 * ({@code pc6hnr…_gwb.csv}). It owns importing them, idempotently, by an administrator over GraphQL or from the command
 * line, and placing the households and vindplaatsen at those addresses in their neighbourhood. The directory reads the
 * result as it reads any municipality, district and neighbourhood.
 */
package nl.nabij.geography;
