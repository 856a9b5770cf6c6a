package dev.parley.knowledge.internal;

import java.util.List;

/** Two nodes on one H2 database, shared by name inside the test JVM. */
class KnowledgeAcrossNodesH2Tests extends KnowledgeAcrossNodesContract {

    @Override
    protected List<String> database() {
        return List.of("--spring.datasource.url=jdbc:h2:mem:knowledge-nodes-" + run
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
