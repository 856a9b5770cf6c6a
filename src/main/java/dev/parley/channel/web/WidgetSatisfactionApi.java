package dev.parley.channel.web;

import dev.parley.channel.web.WidgetRequests.Feedback;
import dev.parley.channel.web.WidgetRequests.Rating;
import dev.parley.channel.web.WidgetResponses.FeedbackRecorded;
import dev.parley.channel.web.WidgetResponses.State;
import dev.parley.conversation.AnswerFeedback;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.CsatRating;
import dev.parley.conversation.Satisfaction;
import dev.parley.realtime.MessagePayload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Ending a chat, rating it (CSAT) and saying whether an AI answer helped, from the widget. */
@RestController
@RequestMapping("/api/v1/widget/conversations/{id}")
@Tag(name = "Widget")
class WidgetSatisfactionApi {

    private final Conversations conversations;
    private final Satisfaction satisfaction;
    private final WidgetStates states;

    private final WidgetAccess access;
    private final AnswerFeedback feedback;

    WidgetSatisfactionApi(Conversations conversations, Satisfaction satisfaction, WidgetStates states,
            WidgetAccess access, AnswerFeedback feedback) {
        this.feedback = feedback;
        this.access = access;
        this.states = states;
        this.conversations = conversations;
        this.satisfaction = satisfaction;
    }

    @PostMapping("/end")
    @Operation(summary = "The customer ends the chat; it counts as resolved and can then be rated")
    State end(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        access.authorize(id, authorization);
        Conversation ended = satisfaction.endByCustomer(id);
        return states.of(ended);
    }

    @PostMapping("/rating")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate a resolved conversation from 1 to 5, once")
    CsatRating rate(@PathVariable UUID id, @Valid @RequestBody Rating request,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        access.authorize(id, authorization);
        return satisfaction.rate(id, request.rating(), request.comment());
    }

    @PostMapping("/feedback")
    @Operation(summary = "Say whether an AI answer helped: yes confirms the resolution, no hands over to a person")
    FeedbackRecorded feedback(@PathVariable UUID id, @Valid @RequestBody Feedback request,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        access.authorize(id, authorization);
        AnswerFeedback.Result result = feedback.record(id, request.messageId(), request.helpful());
        return new FeedbackRecorded(result.messageId(), result.verdict().name(), result.conversation().status().name(),
                result.handOver().map(MessagePayload::from).orElse(null));
    }
}
