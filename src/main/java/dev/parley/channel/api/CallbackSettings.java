package dev.parley.channel.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calls Parley makes to addresses others configured (API inbox callbacks), under {@code parley.channels.callbacks}.
 *
 * @param allowPrivateAddresses allow callback URLs on private, loopback or link-local addresses (off: a callback
 *     URL cannot make Parley call internal services; turn on only for integrations inside your own network)
 * @param timeout connect and response timeout of one call
 */
@ConfigurationProperties("parley.channels.callbacks")
record CallbackSettings(@DefaultValue("false") boolean allowPrivateAddresses, @DefaultValue("10s") Duration timeout) {
}
