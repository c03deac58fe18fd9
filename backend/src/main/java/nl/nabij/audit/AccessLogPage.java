package nl.nabij.audit;

import java.util.List;

/**
 * A page of a resident's access log, newest first.
 *
 * @param totalCount how many accesses the whole log holds
 * @param offset how many newer ones come before this page
 * @param records the accesses on this page
 */
public record AccessLogPage(int totalCount, int offset, List<AccessRecord> records) {}
