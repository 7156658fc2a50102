package dev.voxloop.server;

/**
 * One route the server answers: an HTTP method ({@code GET}, {@code POST}, {@code HEAD}, {@code WEBSOCKET} for a
 * WebSocket upgrade, {@code ANY} for a servlet that takes every method) and its path as registered, with path
 * parameters in braces ({@code /api/tickets/{key}}) and {@code /*} for everything under a prefix.
 */
public record Route(String method, String path) {
}
