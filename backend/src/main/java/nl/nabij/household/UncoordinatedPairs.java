package nl.nabij.household;

import java.util.List;

/** The uncoordinated pairs around one household, as a data loader's value (a bare list would name no loader). */
record UncoordinatedPairs(List<OverlapSummary.ProfessionalPair> pairs) {}
