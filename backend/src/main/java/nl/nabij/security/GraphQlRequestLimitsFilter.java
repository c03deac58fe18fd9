package nl.nabij.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a GraphQL request whose body is larger than the limit (413) or is a JSON array of operations (400) before
 * anything parses it. The body is read at most once, and only up to one byte past the limit.
 */
@Component
class GraphQlRequestLimitsFilter extends OncePerRequestFilter {

    private final EndpointLimits limits;

    GraphQlRequestLimitsFilter(EndpointLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && ("/graphql".equals(request.getRequestURI())
                        || PublicGraphQlConfiguration.PATH.equals(request.getRequestURI())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int max = Math.toIntExact(limits.maxDocumentSize().toBytes());
        if (request.getContentLengthLong() > max) {
            reject(response, HttpStatus.CONTENT_TOO_LARGE, "DOCUMENT_TOO_LARGE", tooLarge(max));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(max + 1);
        if (body.length > max) {
            reject(response, HttpStatus.CONTENT_TOO_LARGE, "DOCUMENT_TOO_LARGE", tooLarge(max));
            return;
        }
        if (startsWithArray(body)) {
            reject(response, HttpStatus.BAD_REQUEST, "BATCH_NOT_SUPPORTED", "send one operation per request");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static String tooLarge(int max) {
        return "the request is larger than " + max + " bytes";
    }

    private static boolean startsWithArray(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    private static void reject(HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_GRAPHQL_RESPONSE_VALUE);
        response.getOutputStream()
                .write(("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"classification\":\""
                                + "BAD_REQUEST\",\"code\":\"" + code + "\"}}]}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body already read, so the GraphQL handler can read it again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
