package dev.parley.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Makes the embedded H2 database write every commit to its file before the commit returns. H2's store otherwise
 * writes in the background ({@code WRITE_DELAY}, 500 ms), so a killed process lost messages it had already
 * acknowledged with a 201 (issue 17: 26 of 496 over six {@code kill -9}s). Applies to every file or server H2 URL,
 * also one given in {@code PARLEY_DATABASE_URL}; an explicit {@code WRITE_DELAY} in the URL is left as chosen.
 * See ADR 0012 and {@code bench/durability.sh}.
 * <p>
 * Written through, each commit becomes a chunk of its own, and H2 keeps a chunk with no live data for
 * {@code RETENTION_TIME} (45 s by default, for disks that reorder writes, which a power loss exposes and a process
 * crash does not): under sustained traffic that alone held gigabytes. Two seconds are kept instead, so a chunk cut
 * short by a crash still has its predecessor, unless the URL chooses its own. {@link EmbeddedDatabaseHousekeeping}
 * rewrites the sparse chunks H2's background writer no longer rewrites.
 */
@Component
class EmbeddedDatabaseDurability implements BeanPostProcessor {

    static final String DURABLE = ";WRITE_DELAY=0";

    static final String RETENTION = ";RETENTION_TIME=2000";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseDurability.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null) {
            String url = durable(dataSource.getJdbcUrl());
            if (!url.equals(dataSource.getJdbcUrl())) {
                dataSource.setJdbcUrl(url);
            } else if (isH2OnDisk(url) && !url.toUpperCase(Locale.ROOT).contains(DURABLE)) {
                log.warn("The H2 database URL sets its own WRITE_DELAY: acknowledged writes may be lost on a crash");
            }
        }
        return bean;
    }

    /** The URL with commits written through and a short retention, unchanged for other databases, in-memory H2 or an explicit choice. */
    static String durable(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!isH2OnDisk(url) || upper.contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + DURABLE + (upper.contains(";RETENTION_TIME=") ? "" : RETENTION);
    }

    private static boolean isH2OnDisk(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:");
    }
}
