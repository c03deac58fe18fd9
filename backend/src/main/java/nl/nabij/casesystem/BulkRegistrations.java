package nl.nabij.casesystem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.nabij.api.InputError;
import nl.nabij.involvement.InvolvementCommands;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * Does a case system's items a chunk at a time, one transaction per chunk, so that memory holds one chunk whatever
 * the request's length. A refused item writes nothing, so the others of its chunk commit. Should a chunk fail as a
 * whole (a conflict with a concurrent call), its items are done again one transaction each, so one bad item never
 * takes its neighbours down. A done item's result is stored under its organisation and key in the same transaction:
 * the same key again returns that result and does nothing. Refused items are not stored, so they may be sent again
 * once corrected.
 */
@Service
class BulkRegistrations {

    /** Items per transaction: large enough to amortise the commit, small enough for a modest heap. */
    static final int CHUNK = 250;

    private static final Logger log = LoggerFactory.getLogger(BulkRegistrations.class);

    private final CaseSystemQueries queries;
    private final InvolvementCommands commands;
    private final TransactionOperations transactions;
    private final JsonMapper json;

    BulkRegistrations(
            CaseSystemQueries queries,
            InvolvementCommands commands,
            TransactionOperations transactions,
            JsonMapper json) {
        this.queries = queries;
        this.commands = commands;
        this.transactions = transactions;
        this.json = json;
    }

    /** Does one chunk of items for the case system and hands each result, in order, to {@code results}. */
    void process(NabijUser caseSystem, List<Item> chunk, String origin, Consumer<ItemResult> results) {
        List<ItemResult> done;
        try {
            done = transactions.execute(status -> processInOne(caseSystem, chunk, origin));
        } catch (RuntimeException e) {
            log.warn("a chunk of {} case-system items failed as a whole; doing them one by one", chunk.size(), e);
            done = new ArrayList<>();
            for (Item item : chunk) {
                done.add(alone(caseSystem, item, origin));
            }
        }
        done.forEach(results);
    }

    private ItemResult alone(NabijUser caseSystem, Item item, String origin) {
        try {
            return transactions
                    .execute(status -> processInOne(caseSystem, List.of(item), origin))
                    .getFirst();
        } catch (RuntimeException e) {
            log.warn("case-system item on line {} failed", item.line(), e);
            return ItemResult.refused(
                    item.key(), new InputError(null, "NOT_PROCESSED", "the item could not be done now; send it again"));
        }
    }

    private List<ItemResult> processInOne(NabijUser caseSystem, List<Item> chunk, String origin) {
        String organisation = caseSystem.organisationId();
        Map<String, String> professionals = professionals(organisation, chunk);
        Map<String, ItemResult> byKey = earlier(organisation, chunk);
        List<ItemResult> results = new ArrayList<>(chunk.size());
        for (Item item : chunk) {
            ItemResult known = byKey.get(item.key());
            if (known != null) {
                results.add(known.asReplay());
                continue;
            }
            ItemResult result = one(caseSystem, professionals.get(item.employeeReference()), item, origin);
            if (ItemResult.DONE.equals(result.status())) {
                byKey.put(item.key(), result);
                queries.record(
                        recordId(organisation, item.key()), organisation, item.key(), json.writeValueAsString(result));
            }
            results.add(result);
        }
        return results;
    }

    private ItemResult one(NabijUser caseSystem, String professionalId, Item item, String origin) {
        if (professionalId == null) {
            // Unknown and another organisation's employee read the same: a case system learns nothing of others.
            return ItemResult.refused(
                    item.key(),
                    new InputError(
                            "employeeReference",
                            "UNKNOWN_EMPLOYEE",
                            "your organisation has no professional with this employee reference"));
        }
        // The case system acts as the professional, so every check and audit event is the one of their own call;
        // the audit trail names the machine client (the token's subject) and the organisation.
        NabijUser professional = new NabijUser(
                caseSystem.username(), Role.PROFESSIONAL, professionalId, null, caseSystem.organisationId());
        InvolvementCommands.Outcome outcome =
                switch (item.operation()) {
                    case REGISTER -> commands.registerByBsn(
                            professional, item.bsn(), item.domain(), item.since(), origin);
                    case RENEW -> commands.renew(professional, item.involvementId(), origin);
                    case END -> commands.end(professional, item.involvementId(), item.until(), item.reason(), origin);
                };
        if (!outcome.errors().isEmpty()) {
            return ItemResult.refused(item.key(), outcome.errors());
        }
        return new ItemResult(
                item.key(),
                ItemResult.DONE,
                outcome.involvementId(),
                item.operation() == Item.Operation.REGISTER ? outcome.created() : null,
                false,
                null);
    }

    private Map<String, String> professionals(String organisation, List<Item> chunk) {
        return queries.professionalsByReference(
                organisation,
                chunk.stream().map(Item::employeeReference).distinct().toList());
    }

    private Map<String, ItemResult> earlier(String organisation, List<Item> chunk) {
        Map<String, ItemResult> found = new LinkedHashMap<>();
        queries.earlierResults(chunk.stream()
                        .map(item -> recordId(organisation, item.key()))
                        .distinct()
                        .toList())
                .forEach(stored -> {
                    ItemResult result = json.readValue(stored, ItemResult.class);
                    found.put(result.key(), result);
                });
        return found;
    }

    /** The idempotency record's id: keys are the case system's own, so they are unique per organisation only. */
    private static String recordId(String organisation, String key) {
        return organisation + "\n" + key;
    }
}
