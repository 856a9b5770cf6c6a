package dev.parley.conversation;

import org.springframework.boot.test.context.SpringBootTest;

/** The conversation core on the embedded H2 database (the default). */
@SpringBootTest
class ConversationPersistenceH2Tests extends ConversationPersistenceContract {
}
