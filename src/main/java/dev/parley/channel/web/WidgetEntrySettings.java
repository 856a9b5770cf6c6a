package dev.parley.channel.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a customer gets into a chat, under {@code parley.widget}: the "Talk to a person" button and the optional
 * pre-chat form (name, email, category) asked before the first message.
 *
 * @param talkToPerson whether the widget offers a button that hands the chat to people at once
 * @param preChat the form asked before a chat starts
 */
@ConfigurationProperties("parley.widget")
record WidgetEntrySettings(@DefaultValue("true") boolean talkToPerson, @DefaultValue PreChat preChat) {

    /**
     * @param enabled whether a customer fills in the form before chatting (a verified customer never does)
     * @param requireEmail whether the email address is required (the name always is)
     * @param categories the categories the form offers, each one of {@code parley.conversation.categories}; empty:
     *     all of them
     */
    record PreChat(@DefaultValue("false") boolean enabled, @DefaultValue("true") boolean requireEmail,
            @DefaultValue({}) List<String> categories) {
    }
}
