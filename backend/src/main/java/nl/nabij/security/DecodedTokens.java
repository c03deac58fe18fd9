package nl.nabij.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Bearer tokens checked once each: an API client sends the same token with every request until it expires, and a
 * token's signature and claims cannot change, so the identity provider's decoder (RS256 verification, claim
 * validation) runs on a token's first request and its answer is kept until the token's {@code exp}. Kept are only
 * tokens the decoder accepted, keyed by the SHA-256 of the whole token, signature included, so another signature over
 * the same claims is a new token and checked in full; a token the decoder refused is refused again every time, and a
 * token without an expiry is never kept. The cache is bounded, so many clients cost memory for at most
 * {@link #MAX_TOKENS} tokens and the rest are simply checked again.
 */
final class DecodedTokens implements JwtDecoder {

    /** The most tokens kept at once; the busiest ones stay. */
    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    DecodedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<String, Jwt>creating((key, jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
        Jwt known = accepted.getIfPresent(key);
        if (known != null && known.getTokenValue().equals(token)) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
            accepted.put(key, jwt);
        }
        return jwt;
    }

    private Duration untilExpiry(Jwt jwt) {
        Instant expiry = jwt.getExpiresAt();
        return expiry == null ? Duration.ZERO : Duration.between(clock.instant(), expiry);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Wraps the identity provider's decoder, wherever it is used: the filter chain and the websocket's sign-in. */
    @Configuration(proxyBeanMethods = false)
    static class Wrapping {

        @Bean
        static BeanPostProcessor bearerTokensCheckedOnce() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof JwtDecoder decoder && !(bean instanceof DecodedTokens)
                            ? new DecodedTokens(decoder, Clock.systemUTC())
                            : bean;
                }
            };
        }
    }
}
