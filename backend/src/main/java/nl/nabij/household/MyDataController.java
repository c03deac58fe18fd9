package nl.nabij.household;

import java.util.List;
import nl.nabij.audit.AccessLogPage;
import nl.nabij.consent.Consent;
import nl.nabij.consent.ConsentQueries;
import nl.nabij.security.CurrentUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code MyData} type: a resident's access export (inzage), recorded in the audit trail as an EXPORT; and their
 * access log page by page.
 */
@Controller
class MyDataController {

    private final HouseholdReads reads;
    private final ConsentQueries consents;
    private final CurrentUser currentUser;

    MyDataController(HouseholdReads reads, ConsentQueries consents, CurrentUser currentUser) {
        this.reads = reads;
        this.consents = consents;
        this.currentUser = currentUser;
    }

    @SchemaMapping
    List<Consent> consents(MyData data) {
        return consents.ofResident(data.resident().id());
    }

    @QueryMapping
    AccessLogPage myAccessLog(@Argument int first, @Argument int offset) {
        return reads.myAccessLog(currentUser.get(), first, offset);
    }

    @QueryMapping
    MyData myData(@ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return reads.myData(currentUser.get(), origin);
    }
}
