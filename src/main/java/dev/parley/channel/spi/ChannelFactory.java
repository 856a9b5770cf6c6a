package dev.parley.channel.spi;

import dev.parley.conversation.Inbox;

/**
 * One kind of channel, found by {@link #id()} = an inbox's channel type ({@code web}, {@code email}, …). Register
 * another factory bean to plug in another channel (Keycloak's SPI pattern, as for LLM providers).
 */
public interface ChannelFactory {

    String id();

    /** The adapter that sends replies to the customers of one inbox. */
    ChannelAdapter create(Inbox inbox);
}
