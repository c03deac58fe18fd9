package nl.nabij.database;

import java.time.Duration;

/**
 * How long a statement run outside Spring's transactions may take: while a request is served, what is left of its
 * time, so the database ends the statement when the request ends, as it does for the transactions Spring opens.
 */
@FunctionalInterface
public interface StatementTimeout {

    Duration next();
}
