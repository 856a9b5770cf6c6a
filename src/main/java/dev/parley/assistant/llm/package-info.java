/**
 * The generative layer of the assistant: pluggable LLM providers (OpenAI-compatible, Anthropic, Ollama),
 * grounded structured answers, PII redaction, usage and cost, answer cache, resilience and the agent copilot.
 */
@org.springframework.modulith.NamedInterface("llm")
package dev.parley.assistant.llm;
