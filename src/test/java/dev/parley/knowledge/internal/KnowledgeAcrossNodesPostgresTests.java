package dev.parley.knowledge.internal;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import java.util.List;

/** Two nodes on one PostgreSQL schema of this test's own. */
@RequiresService(ExternalService.POSTGRES)
class KnowledgeAcrossNodesPostgresTests extends KnowledgeAcrossNodesContract {

    @Override
    protected List<String> database() {
        return PostgresSchema.nodeArguments("nodes_" + run);
    }
}
