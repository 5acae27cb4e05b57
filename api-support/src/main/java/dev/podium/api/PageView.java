package dev.podium.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of a listing, with what a client needs to ask for the next. */
@Serdeable
public record PageView<T>(List<T> items, int page, int size, long total) {
}
