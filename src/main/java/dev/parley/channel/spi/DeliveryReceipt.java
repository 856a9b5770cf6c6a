package dev.parley.channel.spi;

import java.util.List;

/**
 * A reply the channel took: its id there (an email's Message-ID) and keys that find the conversation when the
 * customer answers it.
 */
public record DeliveryReceipt(String externalId, List<String> threadKeys) {

    public DeliveryReceipt {
        threadKeys = threadKeys == null ? List.of() : List.copyOf(threadKeys);
    }

    public static DeliveryReceipt delivered() {
        return new DeliveryReceipt(null, List.of());
    }
}
