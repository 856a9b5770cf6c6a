package dev.parley.identity.internal;

import dev.parley.identity.Actor;
import dev.parley.identity.Agents;
import dev.parley.identity.CreatedAgent;
import dev.parley.identity.IdentitySettings;
import dev.parley.identity.NewAgent;
import dev.parley.identity.Role;
import java.io.PrintStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On first start, when no active admin exists, creates one from {@code parley.identity.admin-email} and
 * {@code admin-password}; without a password it generates one and prints it once, in a banner on the console
 * only: never through the logger, whose file under the data directory would keep it for good.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Agents agents;
    private final IdentitySettings settings;

    AdminBootstrap(Agents agents, IdentitySettings settings) {
        this.agents = agents;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (agents.activeAdminExists() || agents.findByEmail(settings.adminEmail()).isPresent()) {
            return;
        }
        try {
            CreatedAgent created = agents.create(Actor.SYSTEM, new NewAgent("Administrator", settings.adminEmail(),
                    Role.ADMIN, settings.adminPassword(), null, List.of()));
            announce(created, System.out);
        } catch (DataIntegrityViolationException e) {
            log.info("Another node created the first admin account");
        }
    }

    static void announce(CreatedAgent created, PrintStream console) {
        if (created.generatedPassword() == null) {
            log.info("Created the first admin account {}", created.agent().email());
            return;
        }
        log.warn("Created the first admin account {} with a generated password, printed on the console only",
                created.agent().email());
        console.println("""

                ================================================================
                  Parley created the first admin account.
                    email:    %s
                    password: %s
                  This password is shown only once. Sign in at /login and change it,
                  or set PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD before first start.
                ================================================================
                """.formatted(created.agent().email(), created.generatedPassword()));
        console.flush();
    }
}
