package nl.nabij.account;

import java.util.List;
import java.util.Map;
import nl.nabij.database.GraphQueries;
import nl.nabij.directory.Organisation;
import nl.nabij.directory.Professional;
import org.springframework.stereotype.Component;

/** The account feature's reads of the directory: the professional and organisation an account is tied to. */
@Component
class AccountQueries {

    private static final String PROFESSIONAL =
            """
            UNWIND $keys AS key
            MATCH (p:Professional {id: key})
            RETURN key, p AS value
            """;

    private static final String ORGANISATION =
            """
            UNWIND $keys AS key
            MATCH (o:Organisation {id: key})
            RETURN key, o AS value
            """;

    private final GraphQueries queries;

    AccountQueries(GraphQueries queries) {
        this.queries = queries;
    }

    /** The professional each account acts as, for the accounts that act as one. */
    Map<Account, Professional> professionalsOf(List<Account> accounts) {
        return queries.one(
                PROFESSIONAL,
                accounts.stream().filter(a -> a.professionalId() != null).toList(),
                Account::professionalId,
                Professional::from);
    }

    /** The organisation each account works for, for the accounts that work for one. */
    Map<Account, Organisation> organisationsOf(List<Account> accounts) {
        return queries.one(
                ORGANISATION,
                accounts.stream().filter(a -> a.organisationId() != null).toList(),
                Account::organisationId,
                Organisation::from);
    }
}
