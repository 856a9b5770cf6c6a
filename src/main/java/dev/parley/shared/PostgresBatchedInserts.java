package dev.parley.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the PostgreSQL driver send a batch of single-row inserts as multi-row inserts ({@code reWriteBatchedInserts}).
 * A customer's message and the assistant's answer add a search term row each for every distinct word (about 200
 * for an answered question, {@code SearchTerms}); sent one statement each, they cost PostgreSQL more than the rest of
 * the message's statements together (docs/benchmarks.md). Batch results are not read anywhere, so the driver's
 * "no count" answer for rewritten batches changes nothing. A URL that sets the property itself is left as chosen.
 */
@Component
class PostgresBatchedInserts implements BeanPostProcessor {

    static final String PROPERTY = "reWriteBatchedInserts";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && applies(dataSource.getJdbcUrl())
                && !dataSource.getDataSourceProperties().containsKey(PROPERTY)) {
            dataSource.addDataSourceProperty(PROPERTY, "true");
        }
        return bean;
    }

    /** PostgreSQL URLs that do not choose the setting themselves. */
    static boolean applies(String url) {
        return url != null && url.startsWith("jdbc:postgresql:")
                && !url.toLowerCase(Locale.ROOT).contains(PROPERTY.toLowerCase(Locale.ROOT));
    }
}
