package dev.parley.assistant.internal;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import java.util.List;

/** A worker and a web node on one PostgreSQL schema of this test's own. */
@RequiresService(ExternalService.POSTGRES)
class ScorerAcrossNodesPostgresTests extends ScorerAcrossNodesContract {

    @Override
    protected List<String> database() {
        String schema = "scorer_nodes_" + run;
        return List.of("--spring.datasource.url=" + PostgresSchema.URL + "?currentSchema=" + schema,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema,
                "--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.hikari.minimum-idle=1");
    }
}
