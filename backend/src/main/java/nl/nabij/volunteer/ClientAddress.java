package nl.nabij.volunteer;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The address a registration comes from, for the rate limit, put in the GraphQL context under {@link #KEY}. It is the
 * address the request came from, unless that is one of {@code nabij.volunteer.trusted-proxies}: then it is the last
 * address in {@code X-Forwarded-For} that is not a trusted proxy, the client as the outermost trusted proxy saw it.
 * Behind a reverse proxy every request comes from the proxy, so without this all citizens would share one quota; and
 * {@code X-Forwarded-For} from anyone else is ignored, as a client can write anything there.
 */
@Component
class ClientAddress implements WebGraphQlInterceptor {

    static final String KEY = "nabij.volunteer.client-address";

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddress(VolunteerProperties properties) {
        this.trustedProxies =
                properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            String client = of(
                    remote.getAddress().getHostAddress(), request.getHeaders().get("X-Forwarded-For"));
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(KEY, client)).build());
        }
        return chain.next(request);
    }

    /** The client behind {@code remote}, given the {@code X-Forwarded-For} headers the request carries (or null). */
    String of(String remote, List<String> forwardedFor) {
        if (!trusted(remote) || forwardedFor == null) {
            return remote;
        }
        List<String> hops = forwardedFor.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? remote : hops.getFirst();
    }

    private boolean trusted(String address) {
        try {
            return trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
