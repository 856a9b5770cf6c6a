package dev.parley.knowledge.web;

import dev.parley.shared.Secrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries the configured admin key in {@code X-Parley-Admin-Key} or
 * {@code Authorization: Bearer}; compared by hash in constant time. With no key configured nobody passes.
 */
class AdminKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Parley-Admin-Key";

    private final String keyHash;
    private final String authority;

    AdminKeyFilter(String adminKey, String authority) {
        this.keyHash = adminKey == null || adminKey.isEmpty() ? null : Secrets.sha256Hex(adminKey);
        this.authority = authority;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (keyHash != null && Secrets.matches(presented(request), keyHash)) {
            SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "admin-api-key", null, List.of(new SimpleGrantedAuthority(authority))));
            SecurityContextHolder.getContextHolderStrategy().setContext(context);
        }
        chain.doFilter(request, response);
    }

    private static String presented(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }
}
