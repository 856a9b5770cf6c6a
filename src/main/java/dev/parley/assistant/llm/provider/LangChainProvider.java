package dev.parley.assistant.llm.provider;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.parley.assistant.llm.LlmException;
import dev.parley.assistant.llm.LlmProvider;
import dev.parley.assistant.llm.LlmRequest;
import dev.parley.assistant.llm.LlmResponse;
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
        String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new LlmException(LlmException.Kind.INVALID_RESPONSE, "the provider returned no text");
        }
        var usage = response.tokenUsage();
        var tokens = usage == null ? TokenUsage.NONE
                : new TokenUsage(zeroIfNull(usage.inputTokenCount()), zeroIfNull(usage.outputTokenCount()));
        return new LlmResponse(text, tokens, id, model);
    }

    private static int zeroIfNull(Integer count) {
        return count == null ? 0 : count;
    }

    private static ChatRequest toChatRequest(LlmRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(request.system()));
        for (LlmRequest.Turn turn : request.turns()) {
            messages.add(turn.role() == LlmRequest.Role.USER ? UserMessage.from(turn.text()) : AiMessage.from(turn.text()));
        }
        return ChatRequest.builder().messages(messages).build();
    }
}
