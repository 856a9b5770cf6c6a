package dev.parley.assistant.internal;

import java.util.List;

/** A worker and a web node on one H2 database, shared by name inside the test JVM. */
class ScorerAcrossNodesH2Tests extends ScorerAcrossNodesContract {

    @Override
    protected List<String> database() {
        return List.of("--spring.datasource.url=jdbc:h2:mem:scorer-nodes-" + run
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
