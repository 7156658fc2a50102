package dev.voxloop.core.ticket;

import java.time.Instant;

public record Comment(String author, String body, Instant createdAt) {
}
