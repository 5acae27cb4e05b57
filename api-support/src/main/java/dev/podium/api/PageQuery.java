package dev.podium.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Page number (from 0) and size (1 to {@value #MAX_SIZE}, default {@value #DEFAULT_SIZE}) of a listing. */
@Serdeable
public record PageQuery(@Nullable @Min(0) @Max(100_000) Integer page, @Nullable @Min(1) @Max(MAX_SIZE) Integer size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public int pageOrFirst() {
        return page == null ? 0 : page;
    }

    public int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }

    public long offset() {
        return (long) pageOrFirst() * sizeOrDefault();
    }
}
