package dev.parley.cluster;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lock behind every {@code @SchedulerLock}: one row per job in the {@code shedlock} table of the shared
 * database. Lock times are the database's clock, so nodes with drifting clocks still agree. A job whose node dies
 * mid-run is free again after its {@code lockAtMostFor}; the default covers jobs that do not name one.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ClusterLockConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return lockProviderOn(dataSource);
    }

    static LockProvider lockProviderOn(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
