package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Existing installations upgrade with Flyway, which refuses a migration numbered below the newest one a database
 * already has (out-of-order is off). So every migration added after a release must be numbered above the
 * release's newest: this test lists what was released and fails for a new file numbered too low. When a
 * release is cut, add its new files here and raise {@link #LAST_RELEASED}.
 */
class MigrationVersionsTests {

    static final int LAST_RELEASED = 600;
    static final Set<String> RELEASED = Set.of("V1__conversations.sql", "V2__read_markers.sql", "V3__csat.sql",
            "V10__knowledge.sql", "V12__help_center.sql", "V20__identity.sql", "V21__inbox.sql",
            "V40__llm_usage.sql", "V41__assistant_persona.sql", "V50__analytics_facts.sql",
            "V51__analytics_rollups.sql", "V200__article_source.sql", "V201__knowledge_sites.sql",
            "V202__assistant_question_sets.sql", "V203__generated_examples.sql", "V300__encrypted_column_state.sql",
            "V600__shedlock.sql");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.+\\.sql");

    @Test
    void migrationsAddedSinceTheLastReleaseAreNumberedAboveIt() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/V*.sql");
        assertThat(files).isNotEmpty();
        for (Resource file : files) {
            String name = file.getFilename();
            Matcher version = VERSION.matcher(name);
            assertThat(version.matches()).as(name).isTrue();
            if (!RELEASED.contains(name)) {
                assertThat(Integer.parseInt(version.group(1))).as(name + " is new since the last release")
                        .isGreaterThan(LAST_RELEASED);
            }
        }
    }

    @Test
    void noTwoMigrationsShareAVersion() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/V*.sql");
        Set<String> versions = new HashSet<>();
        List<String> names = Arrays.stream(files).map(Resource::getFilename).toList();
        for (String name : names) {
            assertThat(versions.add(name.substring(0, name.indexOf("__")))).as(name).isTrue();
        }
    }
}
