package dev.parley.channel.web;

import dev.parley.channel.spi.ChannelAdapter;
import dev.parley.channel.spi.ChannelFactory;
import dev.parley.channel.spi.DeliveryReceipt;
import dev.parley.conversation.Inbox;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import org.springframework.stereotype.Component;

/**
 * The chat widget as a channel: a reply is delivered by pushing it to the conversation's live stream, which every
 * open widget of that conversation (on any node) receives; a widget that was closed reads it from the
 * transcript when it comes back.
 */
@Component
class WidgetChannel implements ChannelFactory {

    static final String ID = "web";

    private final RealtimeBus bus;

    WidgetChannel(RealtimeBus bus) {
        this.bus = bus;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChannelAdapter create(Inbox inbox) {
        return outbound -> {
            bus.publish(RealtimeEvent.message(RealtimeEvent.conversationTopic(outbound.conversation().id()),
                    outbound.message()));
            return DeliveryReceipt.delivered();
        };
    }
}
