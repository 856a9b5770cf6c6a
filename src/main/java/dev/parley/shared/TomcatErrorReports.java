package dev.parley.shared;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat answers itself, for a request it refuses before any of the application sees it (an encoded NUL or a
 * malformed escape in the address, a request line or headers over the size limit, a multipart part header that is
 * too long): a problem under {@code /api/**} and a short readable page elsewhere, instead of Tomcat's own
 * "HTTP Status 400" page. Added after Spring Boot's error valve, so it answers first.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new Valve()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class Valve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        Valve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // the same guards as Tomcat's own report: an error nobody has answered, on a connection still open
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean();
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error " + status : known.getReasonPhrase();
            String detail = detail(status, title);
            boolean api = ProblemAudience.wantsProblem(request.getContextPath(), request.getRequestURI(),
                    request.getHeader("Accept"));
            try {
                response.setContentType(api ? "application/problem+json" : "text/html");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(api ? JSON.writeValueAsString(Map.of("type", "about:blank", "title", title,
                            "status", status, "detail", detail)) : page(title, detail));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away or the response is already on its way: nothing more to say
            }
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

        private static String page(String title, String detail) {
            String safeTitle = HtmlUtils.htmlEscape(title);
            return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + safeTitle
                    + "</title><link rel=\"stylesheet\" href=\"/css/dashboard.css\"></head><body><main class=\"card narrow\">"
                    + "<h1>" + safeTitle + "</h1><p role=\"alert\">" + HtmlUtils.htmlEscape(detail) + "</p></main></body></html>";
        }
    }
}
