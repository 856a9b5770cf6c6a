package dev.parley.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * What Jetty answers itself, for a request it refuses before any of the application sees it (a malformed escape or an
 * ambiguous segment in the address, a request line or headers over the size limit): a problem under {@code /api/**}
 * and a short readable page elsewhere, instead of Jetty's own "HTTP ERROR 400" page. Errors inside the application
 * end on Spring's error page ({@link ErrorResponses}) as before. Every such answer says {@code Connection: close}:
 * the connection ends after it.
 */
@Component
class JettyErrorReports implements WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableJettyWebServerFactory factory) {
        factory.addServerCustomizers(server -> server.setErrorHandler(new Reports()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class Reports extends ErrorHandler {

        Reports() {
            setShowStacks(false);
            setShowCauses(false);
            setShowMessageInTitle(false);
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                Throwable cause, Callback callback) {
            String accept = request.getHeaders().get(HttpHeader.ACCEPT);
            String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
            boolean api = ProblemAudience.wantsProblem("", path == null ? "" : path, accept);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE,
                    api ? "application/problem+json" : "text/html;charset=utf-8");
            // Jetty ends the connection after a request it could not read, but where it failed before the request
            // line's version was read it answers as to HTTP/1.0 and says nothing: an HTTP/1.1 client then keeps the
            // connection for its next request and loses that request to the close
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            response.write(true, ByteBuffer.wrap(body(code, api).getBytes(StandardCharsets.UTF_8)), callback);
        }

        private static String body(int status, boolean api) {
            String title = PlainProblem.title(status);
            String detail = detail(status, title);
            return api ? PlainProblem.of(status, title, detail) : PlainPage.of(title, detail);
        }

        private static String detail(int status, String title) {
            return switch (status) {
                case 400 -> "The request cannot be read: its address, headers or body are malformed, too large or not "
                        + "validly encoded.";
                case 413 -> "The request body, or a part of it, is too large.";
                case 414 -> "The address is too long.";
                case 431 -> "The request headers are too large.";
                default -> status >= 500 ? "Something went wrong on our side. Please try again."
                        : "The request cannot be handled (" + title + ").";
            };
        }
    }
}
