/** Messages produced by notifications-service, on the subscriptions topic. */
package dev.podium.contracts.notifications;
