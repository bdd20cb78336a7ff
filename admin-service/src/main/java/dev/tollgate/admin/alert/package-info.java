/**
 * Budget alerts delivered by webhook: each tenant's webhook settings, the consumer that files alerts from
 * {@code tollgate:budget:alerts} as deliveries, the worker that signs and sends them, and their log in the console.
 */
@NullMarked
package dev.tollgate.admin.alert;

import org.jspecify.annotations.NullMarked;
