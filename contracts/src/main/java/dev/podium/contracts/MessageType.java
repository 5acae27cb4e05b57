package dev.podium.contracts;

/**
 * A message's CloudEvents {@code type}, its topic and the record that carries its data.
 */
public record MessageType<T extends PodiumMessage>(String type, String topic, Class<T> javaType) {
}
