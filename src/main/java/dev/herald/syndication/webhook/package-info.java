/**
 * Signed webhooks (Standard Webhooks): {@link dev.herald.syndication.webhook.WebhookSyndicator}
 * POSTs each article as signed JSON to one endpoint described by a
 * {@link dev.herald.syndication.webhook.WebhookAccount}; {@link
 * dev.herald.syndication.webhook.WebhookSignature} signs for the sender and verifies for receivers.
 */
package dev.herald.syndication.webhook;
