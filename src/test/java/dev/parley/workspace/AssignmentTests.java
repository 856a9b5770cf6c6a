package dev.parley.workspace;

import org.springframework.boot.test.context.SpringBootTest;

/** Assignment and queue behaviour on the embedded H2 database. */
@SpringBootTest
class AssignmentTests extends AssignmentContract {
}
