package dev.podium.security;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one client address may call this endpoint, under the limit named
 * {@link #value()} ({@code podium.rate-limits.<name>.requests} per {@code .window}); beyond it the
 * answer is 429 with {@code Retry-After}. The count is kept in the database, so it holds across
 * replicas.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
@Around
public @interface RateLimited {

    /** The limit's name, e.g. {@code public-writes}. */
    String value();
}
