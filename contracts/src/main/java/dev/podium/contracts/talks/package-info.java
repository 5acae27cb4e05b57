/** Messages produced by talks-service, on the submissions topic. */
package dev.podium.contracts.talks;
