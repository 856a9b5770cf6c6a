package dev.parley.channel.sms;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The SMS channel's whole flow on PostgreSQL: its SQL (opt-outs, sent parts, statuses) runs on both databases. */
@RequiresService(ExternalService.POSTGRES)
class SmsChannelPostgresTests extends SmsChannelTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }
}
