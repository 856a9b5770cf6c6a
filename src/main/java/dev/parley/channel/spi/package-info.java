/**
 * The channel SPI: a channel is a {@link dev.parley.channel.spi.ChannelFactory} with an id (the inbox's channel
 * type) that makes a {@link dev.parley.channel.spi.ChannelAdapter} per inbox. Inbound messages enter the
 * conversation module through {@link dev.parley.conversation.InboundMessages#receive}; replies leave through
 * {@link dev.parley.channel.spi.ChannelAdapter#deliver}, called by the delivery listener with retries.
 */
@org.springframework.modulith.NamedInterface("spi")
package dev.parley.channel.spi;
