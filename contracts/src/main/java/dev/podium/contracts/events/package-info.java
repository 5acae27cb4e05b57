/** Messages produced by events-service, on the group, event, registration and person topics. */
package dev.podium.contracts.events;
