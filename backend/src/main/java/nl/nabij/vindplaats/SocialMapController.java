package nl.nabij.vindplaats;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import nl.nabij.api.Ids;
import nl.nabij.directory.Organisation;
import nl.nabij.security.Actor;
import org.dataloader.DataLoader;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The public {@code socialMap}, the mutations that keep vindplaatsen, and the details the social map adds to the
 * {@code Vindplaats} type. The details of all vindplaatsen of a request come from one data loader, so selecting any
 * of them costs one statement.
 */
@Controller
class SocialMapController {

    private final VindplaatsQueries queries;
    private final VindplaatsAdministration administration;

    SocialMapController(
            VindplaatsQueries queries, VindplaatsAdministration administration, BatchLoaderRegistry loaders) {
        this.queries = queries;
        this.administration = administration;
        loaders.forTypePair(String.class, VindplaatsDetails.class)
                .registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> queries.details(ids)));
    }

    @QueryMapping
    Window<SocialMapPlace> socialMap(
            @Argument String neighbourhoodCode, @Argument VindplaatsKind kind, ScrollSubrange subrange) {
        String code =
                neighbourhoodCode == null ? null : Ids.requireCbsCode("neighbourhoodCode", neighbourhoodCode, "BU", 8);
        return queries.publicPage(code, kind, subrange).map(SocialMapPlace::of);
    }

    @MutationMapping
    VindplaatsAdministration.Payload createVindplaats(
            @Argument VindplaatsAdministration.CreateInput input, Actor actor) {
        return administration.create(actor.user(), input, actor.origin());
    }

    @MutationMapping
    VindplaatsAdministration.Payload updateVindplaats(
            @Argument VindplaatsAdministration.UpdateInput input, Actor actor) {
        return administration.update(actor.user(), input, actor.origin());
    }

    @MutationMapping
    VindplaatsAdministration.Payload retireVindplaats(
            @Argument VindplaatsAdministration.RetireInput input, Actor actor) {
        return administration.retire(actor.user(), input, actor.origin());
    }

    @SchemaMapping(typeName = "Vindplaats")
    CompletableFuture<VindplaatsStatus> status(Vindplaats vindplaats, DataLoader<String, VindplaatsDetails> details) {
        return detail(vindplaats, details, draft -> draft.status());
    }

    @SchemaMapping(typeName = "Vindplaats")
    CompletableFuture<Boolean> isPublic(Vindplaats vindplaats, DataLoader<String, VindplaatsDetails> details) {
        return detail(vindplaats, details, VindplaatsDraft::isPublic);
    }

    @SchemaMapping(typeName = "Vindplaats")
    CompletableFuture<String> description(Vindplaats vindplaats, DataLoader<String, VindplaatsDetails> details) {
        return detail(vindplaats, details, VindplaatsDraft::description);
    }

    @SchemaMapping(typeName = "Vindplaats")
    CompletableFuture<VindplaatsAddress> address(Vindplaats vindplaats, DataLoader<String, VindplaatsDetails> details) {
        return detail(vindplaats, details, VindplaatsDraft::address);
    }

    @SchemaMapping(typeName = "Vindplaats")
    CompletableFuture<List<OpeningHours>> openingHours(
            Vindplaats vindplaats, DataLoader<String, VindplaatsDetails> details) {
        return detail(vindplaats, details, VindplaatsDraft::openingHours);
    }

    @SchemaMapping(typeName = "Vindplaats")
    CompletableFuture<VindplaatsContact> contact(Vindplaats vindplaats, DataLoader<String, VindplaatsDetails> details) {
        return detail(vindplaats, details, VindplaatsDraft::contact);
    }

    @BatchMapping(typeName = "Vindplaats")
    Map<Vindplaats, Organisation> organisation(List<Vindplaats> vindplaatsen) {
        return queries.organisationsRunning(vindplaatsen);
    }

    private static <T> CompletableFuture<T> detail(
            Vindplaats vindplaats, DataLoader<String, VindplaatsDetails> details, Function<VindplaatsDraft, T> field) {
        return details.load(vindplaats.id()).thenApply(loaded -> field.apply(loaded.draft()));
    }
}
