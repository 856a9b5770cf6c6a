package dev.parley.channel.web;

import org.springframework.boot.test.context.SpringBootTest;

/** The live stream on a single node (in-process bus). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WidgetStreamTests extends WidgetStreamContract {
}
