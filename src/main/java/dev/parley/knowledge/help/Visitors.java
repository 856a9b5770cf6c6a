package dev.parley.knowledge.help;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Tells help-center visitors apart with a random id in a cookie (HttpOnly, SameSite=Lax): enough for one
 * vote per visitor and for not counting reloads as views. It identifies a browser, never a person.
 */
@Component
class Visitors {

    static final String COOKIE = "parley_help_visitor";
    private static final Duration LIFETIME = Duration.ofDays(365);
    private static final Pattern CRAWLER = Pattern.compile("(?i)bot|crawl|spider|slurp|preview");

    /** The visitor's id, issuing a new cookie when there is none (or it is not one of ours). */
    UUID identify(HttpServletRequest request, HttpServletResponse response) {
        return existing(request).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            ResponseCookie cookie = ResponseCookie.from(COOKIE, id.toString())
                    .path("/help").maxAge(LIFETIME).httpOnly(true).sameSite("Lax").secure(request.isSecure()).build();
            response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
            return id;
        });
    }

    Optional<UUID> existing(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).findFirst().flatMap(c -> {
            try {
                return Optional.of(UUID.fromString(c.getValue()));
            } catch (IllegalArgumentException notOurs) {
                return Optional.empty();
            }
        });
    }

    /** Crawlers read pages but are not readers: their loads are not counted as views. */
    boolean isCrawler(HttpServletRequest request) {
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        return agent != null && CRAWLER.matcher(agent).find();
    }
}
