package nl.nabij.household;

import java.util.List;
import nl.nabij.audit.AccessLogPage;
import nl.nabij.consent.Consent;
import nl.nabij.consent.ConsentQueries;
import nl.nabij.security.Actor;
import org.springframework.graphql.data.method.annotation.Argument;
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

    MyDataController(HouseholdReads reads, ConsentQueries consents) {
        this.reads = reads;
        this.consents = consents;
    }

    @SchemaMapping
    List<Consent> consents(MyData data) {
        return consents.ofResident(data.resident().id());
    }

    @QueryMapping
    AccessLogPage myAccessLog(@Argument int first, @Argument int offset, Actor actor) {
        return reads.myAccessLog(actor.user(), first, offset);
    }

    @QueryMapping
    MyData myData(Actor actor) {
        return reads.myData(actor.user(), actor.origin());
    }
}
