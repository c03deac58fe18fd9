package nl.nabij.household;

import java.util.List;
import nl.nabij.audit.AccessRecord;
import nl.nabij.resident.Resident;

/** A resident's own data: themselves, their household and every access to their data. */
record MyData(Resident resident, Household household, List<AccessRecord> accessLog) {}
