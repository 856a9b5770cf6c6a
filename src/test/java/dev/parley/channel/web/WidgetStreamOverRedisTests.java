package dev.parley.channel.web;

import dev.parley.support.ExternalService;
import dev.parley.support.RequiresService;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The live stream with events fanned out through Redis, as on a multi-node install. Redis keeps the
 * per-IP rate-limit counters across test runs for up to an hour, so the limits are raised out of the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"parley.redis.enabled=true",
        "parley.widget.conversations-per-hour=1000000", "parley.widget.messages-per-minute=1000000"})
@RequiresService(ExternalService.REDIS)
class WidgetStreamOverRedisTests extends WidgetStreamContract {
}
