package dev.parley.identity;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What an agent may do. Each role includes everything the roles below it may do. */
public enum Role {
    /** Works conversations. */
    AGENT,
    /** Also reassigns anyone's conversations and manages canned replies. */
    SUPERVISOR,
    /** Also manages agents, teams and settings. */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** The granted authorities, implied roles included, so {@code hasRole("SUPERVISOR")} admits admins. */
    public List<GrantedAuthority> authorities() {
        return java.util.Arrays.stream(values())
                .filter(this::atLeast)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }

    public static Role parse(String value) {
        try {
            return Role.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw dev.parley.shared.ApiException.badRequest("role must be one of ADMIN, SUPERVISOR, AGENT");
        }
    }
}
