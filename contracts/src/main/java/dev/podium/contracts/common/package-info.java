/** Value records shared by the messages of several services. */
package dev.podium.contracts.common;
