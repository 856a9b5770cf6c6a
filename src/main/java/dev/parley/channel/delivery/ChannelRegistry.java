package dev.parley.channel.delivery;

import dev.parley.channel.spi.ChannelFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The channel factories by id; two factories with one id are a startup error. */
@Component
class ChannelRegistry {

    private final Map<String, ChannelFactory> factories;

    ChannelRegistry(List<ChannelFactory> factories) {
        this.factories = factories.stream().collect(Collectors.toMap(ChannelFactory::id, Function.identity(), (a, b) -> {
            throw new IllegalStateException("Two channels have the id " + a.id());
        }));
    }

    /** The ids of the installed channels. */
    Set<String> ids() {
        return factories.keySet();
    }

    Optional<ChannelFactory> factory(String channelType) {
        return Optional.ofNullable(factories.get(channelType));
    }
}
