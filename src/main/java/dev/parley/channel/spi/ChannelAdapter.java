package dev.parley.channel.spi;

/**
 * Sends replies to customers on one inbox's channel. Called off the request thread by the delivery listener,
 * which records the outcome and retries transient failures with back-off.
 */
public interface ChannelAdapter {

    /**
     * Sends one reply. Returns what the channel knows of it afterwards (its id there, thread keys that find the
     * conversation again); throws {@link DeliveryFailure} when it was not sent.
     */
    DeliveryReceipt deliver(OutboundMessage message) throws DeliveryFailure;
}
