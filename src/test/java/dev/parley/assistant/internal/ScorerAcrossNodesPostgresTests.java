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
        return PostgresSchema.nodeArguments("scorer_nodes_" + run);
    }
}
