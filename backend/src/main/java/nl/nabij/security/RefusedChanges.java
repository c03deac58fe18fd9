package nl.nabij.security;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import nl.nabij.api.InputError;
import org.springframework.util.ReflectionUtils;
import reactor.core.publisher.Mono;

/**
 * Recognises a mutation that changed nothing: its payload carries typed errors, or it failed. Every mutation's payload
 * is a record with an {@code errors} list of {@link InputError}s (the schema's convention), so one check covers every
 * mutation there is and every one still to come.
 */
final class RefusedChanges {

    private RefusedChanges() {}

    /**
     * Calls {@code refused} with the reason once the result is known, when it is a refusal: the first error code, or
     * {@code failed} when the mutation threw. Returns the result unchanged, in its own kind of value.
     */
    static Object whenRefused(Object result, Consumer<String> refused) {
        if (result instanceof CompletionStage<?> stage) {
            return stage.whenComplete((value, failure) -> report(value, failure, refused));
        }
        if (result instanceof Mono<?> mono) {
            return mono.doOnSuccess(value -> report(value, null, refused))
                    .doOnError(failure -> refused.accept("failed"));
        }
        report(result, null, refused);
        return result;
    }

    private static void report(Object value, Throwable failure, Consumer<String> refused) {
        if (failure != null) {
            refused.accept("failed");
            return;
        }
        firstErrorCode(value).ifPresent(refused);
    }

    static Optional<String> firstErrorCode(Object payload) {
        if (payload == null || !payload.getClass().isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals("errors")) {
                // Payloads are package-private records of their feature, as graphql-java reads them too.
                ReflectionUtils.makeAccessible(component.getAccessor());
                try {
                    return component.getAccessor().invoke(payload) instanceof List<?> errors
                                    && !errors.isEmpty()
                                    && errors.getFirst() instanceof InputError first
                            ? Optional.of(first.code())
                            : Optional.empty();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read the errors of " + payload.getClass(), e);
                }
            }
        }
        return Optional.empty();
    }
}
