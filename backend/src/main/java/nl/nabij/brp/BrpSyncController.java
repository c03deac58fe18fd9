package nl.nabij.brp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.nabij.api.InputError;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.resident.Bsn;
import nl.nabij.security.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The administrator's sync of residents with the BRP; present without a BRP too, to say that none is connected. */
@Controller
class BrpSyncController {

    private static final int MOST_BSNS = 1000;

    private final ObjectProvider<BrpSync> sync;
    private final AuditTrail trail;

    BrpSyncController(ObjectProvider<BrpSync> sync, AuditTrail trail) {
        this.sync = sync;
        this.trail = trail;
    }

    /** The input of {@code syncResidentsFromBrp}. */
    record SyncResidentsFromBrpInput(List<String> bsns) {}

    /** The payload of {@code syncResidentsFromBrp}. */
    record Payload(BrpSync.Report sync, List<InputError> errors) {

        static Payload failed(InputError error) {
            return new Payload(null, List.of(error));
        }
    }

    @MutationMapping
    Payload syncResidentsFromBrp(@Argument SyncResidentsFromBrpInput input, Actor actor) {
        BrpSync connected = sync.getIfAvailable();
        if (connected == null) {
            return Payload.failed(new InputError("bsns", "BRP_NOT_CONNECTED", "no BRP is configured"));
        }
        List<String> given = input.bsns() == null ? List.of() : input.bsns();
        if (given.size() > MOST_BSNS) {
            return Payload.failed(new InputError("bsns", "TOO_MANY", "at most " + MOST_BSNS + " BSNs per call"));
        }
        List<Bsn> bsns = new ArrayList<>();
        for (String text : given) {
            Optional<Bsn> bsn = Bsn.parse(text);
            if (bsn.isEmpty()) {
                return Payload.failed(
                        new InputError("bsns", "INVALID_BSN", "every BSN is 8 or 9 digits that pass the elfproef"));
            }
            bsns.add(bsn.get());
        }
        try {
            BrpSync.Run run = given.isEmpty() ? connected.everyHousehold() : connected.byBsn(bsns);
            // The changed residents' access logs show who had them moved or their involvements ended, and when.
            trail.record(
                    actor.user(),
                    actor.origin(),
                    List.of(new AuditEntry("CHANGE", true, "brp-sync", "administration", run.changed())));
            return new Payload(run.report(), List.of());
        } catch (BrpException e) {
            // What was synced before the failure stays: each resident is synced in a transaction of its own.
            return Payload.failed(new InputError("bsns", e.kind().code(), e.getMessage()));
        }
    }
}
