package dev.parley.channel.web;

import dev.parley.support.ExternalService;
import dev.parley.support.RequiresService;
import org.springframework.boot.test.context.SpringBootTest;

/** The live stream with events fanned out through Redis, as on a multi-node install. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "parley.redis.enabled=true")
@RequiresService(ExternalService.REDIS)
class WidgetStreamOverRedisTests extends WidgetStreamContract {
}
