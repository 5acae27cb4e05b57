/** Messages produced by notifications-service: opt-outs on the subscriptions topic, calendar answers on the calendar-replies topic. */
package dev.podium.contracts.notifications;
