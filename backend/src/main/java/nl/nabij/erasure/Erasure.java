package nl.nabij.erasure;

/**
 * What an erasure removed, in counts only: the administrator who carries it out reads nothing about the resident.
 *
 * @param involvementsRemoved involvements that concerned the resident, or their household when it was removed too
 * @param consentsRemoved consents the resident had given
 * @param accountsRemoved sign-in accounts of the resident
 * @param householdRemoved whether the household went as well, because the resident was its last member
 */
record Erasure(int involvementsRemoved, int consentsRemoved, int accountsRemoved, boolean householdRemoved) {}
