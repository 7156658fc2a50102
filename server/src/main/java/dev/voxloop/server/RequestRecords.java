package dev.voxloop.server;

import dev.voxloop.core.idempotency.IdempotencyKeys;
import dev.voxloop.core.webhook.Deliveries;

/**
 * What the server remembers about requests themselves, durably: webhook deliveries already received (a replay is
 * refused) and idempotency keys (a retried request gets the first attempt's result).
 */
public record RequestRecords(Deliveries deliveries, IdempotencyKeys idempotencyKeys) {
}
