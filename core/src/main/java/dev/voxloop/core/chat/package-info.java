/** The chat-model port: messages in, text or schema-shaped JSON out. Adapters live in the {@code intent} module. */
package dev.voxloop.core.chat;
