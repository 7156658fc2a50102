/**
 * The chat-model port: messages in, text, schema-shaped JSON or tool calls out. Adapters live in the {@code intent}
 * module ({@code intent.chat.HttpChatModel} and its Ollama and OpenAI-compatible clients).
 */
package dev.voxloop.core.chat;
