/** What webhook receivers share: the deliveries already taken ({@link dev.voxloop.core.webhook.WebhookDeliveries}). */
package dev.voxloop.core.webhook;
