package dev.parley.assistant.llm.provider;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.parley.assistant.llm.LlmException;
import dev.parley.assistant.llm.LlmProvider;
import dev.parley.assistant.llm.LlmRequest;
import dev.parley.assistant.llm.LlmResponse;
import dev.parley.assistant.llm.LlmTool;
import dev.parley.assistant.llm.LlmResponse.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** A provider over a pair of LangChain4j models (blocking and streaming) of one wire format. */
final class LangChainProvider implements LlmProvider {

    private final String id;
    private final String model;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final Duration timeout;

    LangChainProvider(String id, String model, ChatModel chat, StreamingChatModel streaming, Duration timeout) {
        this.id = id;
        this.model = model;
        this.chat = chat;
        this.streaming = streaming;
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        ChatResponse response;
        try {
            response = chat.chat(toChatRequest(request));
        } catch (RuntimeException e) {
            throw Failures.classify(e);
        }
        return toResponse(response);
    }

    @Override
    public LlmResponse stream(LlmRequest request, Consumer<String> onDelta) {
        var done = new CompletableFuture<ChatResponse>();
        streaming.chat(toChatRequest(request), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String delta) {
                if (!done.isDone() && delta != null && !delta.isEmpty()) {
                    onDelta.accept(delta);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            return toResponse(done.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            done.cancel(true);
            throw new LlmException(LlmException.Kind.TIMEOUT, "the stream did not finish in " + timeout, null, e);
        } catch (ExecutionException e) {
            throw Failures.classify(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.STREAM_BROKEN, "interrupted", null, e);
        }
    }

    private LlmResponse toResponse(ChatResponse response) {
        AiMessage message = response == null ? null : response.aiMessage();
        String text = message == null ? null : message.text();
        List<LlmRequest.ToolCall> calls = message == null || !message.hasToolExecutionRequests() ? List.of()
                : message.toolExecutionRequests().stream()
                        .map(call -> new LlmRequest.ToolCall(call.id(), call.name(), call.arguments())).toList();
        if ((text == null || text.isBlank()) && calls.isEmpty()) {
            throw new LlmException(LlmException.Kind.INVALID_RESPONSE, "the provider returned no text");
        }
        var usage = response.tokenUsage();
        var tokens = usage == null ? TokenUsage.NONE
                : new TokenUsage(zeroIfNull(usage.inputTokenCount()), zeroIfNull(usage.outputTokenCount()));
        return new LlmResponse(text == null ? "" : text, tokens, id, model, calls);
    }

    private static int zeroIfNull(Integer count) {
        return count == null ? 0 : count;
    }

    private static ChatRequest toChatRequest(LlmRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(request.system()));
        for (LlmRequest.Turn turn : request.turns()) {
            messages.add(switch (turn.role()) {
                case USER -> UserMessage.from(turn.text());
                case ASSISTANT -> turn.toolCalls().isEmpty() ? AiMessage.from(turn.text())
                        : AiMessage.from(turn.text().isBlank() ? null : turn.text(), turn.toolCalls().stream()
                                .map(call -> ToolExecutionRequest.builder().id(call.id()).name(call.name())
                                        .arguments(call.arguments()).build())
                                .toList());
                case TOOL -> ToolExecutionResultMessage.from(turn.toolCallId(), turn.toolName(), turn.text());
            });
        }
        var chat = ChatRequest.builder().messages(messages);
        if (!request.tools().isEmpty()) {
            chat.toolSpecifications(request.tools().stream().map(LangChainProvider::specification).toList());
        }
        return chat.build();
    }

    /** A tool as LangChain4j describes it: name, description and the JSON schema of its parameters. */
    static ToolSpecification specification(LlmTool tool) {
        var schema = JsonObjectSchema.builder();
        for (LlmTool.Parameter parameter : tool.parameters()) {
            String description = parameter.description();
            if (!parameter.choices().isEmpty()) {
                schema.addEnumProperty(parameter.name(), parameter.choices(), description);
                continue;
            }
            switch (parameter.type()) {
                case STRING -> schema.addStringProperty(parameter.name(), description);
                case INTEGER -> schema.addIntegerProperty(parameter.name(), description);
                case NUMBER -> schema.addNumberProperty(parameter.name(), description);
                case BOOLEAN -> schema.addBooleanProperty(parameter.name(), description);
            }
        }
        schema.required(tool.parameters().stream().filter(LlmTool.Parameter::required)
                .map(LlmTool.Parameter::name).toList());
        return ToolSpecification.builder().name(tool.name()).description(tool.description())
                .parameters(schema.build()).build();
    }
}
