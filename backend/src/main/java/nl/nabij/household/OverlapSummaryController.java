package nl.nabij.household;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The {@code OverlapSummary} fields that need the pairs of involved professionals without a collaboration link: a
 * check per pair (105 for fifteen professionals), so they are read in a statement of their own, batched over the
 * request's households, and only when a request asks for one of these two fields.
 */
@Controller
class OverlapSummaryController {

    OverlapSummaryController(HouseholdQueries queries, BatchLoaderRegistry loaders) {
        loaders.forTypePair(String.class, UncoordinatedPairs.class)
                .registerMappedBatchLoader(
                        (ids, environment) -> Mono.fromCallable(() -> queries.uncoordinatedPairs(ids)));
    }

    @SchemaMapping
    CompletableFuture<List<OverlapSummary.ProfessionalPair>> uncoordinatedPairs(
            OverlapSummary overlap, DataLoader<String, UncoordinatedPairs> pairs) {
        // The user's scope let the household through already; amongCounted keeps a resident to the pairs they see.
        return pairs.load(overlap.householdId())
                .thenApply(found -> found == null ? List.of() : overlap.amongCounted(found.pairs()));
    }

    @SchemaMapping
    CompletableFuture<Integer> uncoordinatedPairCount(
            OverlapSummary overlap, DataLoader<String, UncoordinatedPairs> pairs) {
        return uncoordinatedPairs(overlap, pairs).thenApply(List::size);
    }
}
