package dev.podium.security;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.BeanContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Enforces {@link RateLimited}: one database hit per call, 429 beyond the limit. */
@Singleton
@InterceptorBean(RateLimited.class)
class RateLimitInterceptor implements MethodInterceptor<Object, Object> {

    private final BeanContext beans;
    private final RateLimitCounter counter;
    private final ClientAddresses clientAddresses;
    private final Clock clock;

    RateLimitInterceptor(BeanContext beans, RateLimitCounter counter, ClientAddresses clientAddresses, Clock clock) {
        this.beans = beans;
        this.counter = counter;
        this.clientAddresses = clientAddresses;
        this.clock = clock;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        String limit = context.stringValue(RateLimited.class).orElseThrow();
        HttpRequest<?> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("@RateLimited outside an HTTP request: " + context.getExecutableMethod()));
        RateLimitSettings settings = beans.findBean(RateLimitSettings.class, Qualifiers.byName(limit))
                .orElseThrow(() -> new ConfigurationException("No rate limit podium.rate-limits." + limit));
        long windowMillis = settings.getWindow().toMillis();
        Instant now = clock.instant();
        Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), windowMillis));
        long hits = counter.hit(limit, clientAddresses.of(request), windowStart);
        if (hits > settings.getRequests()) {
            throw new TooManyRequests(limit, Duration.between(now, windowStart.plusMillis(windowMillis)));
        }
        return context.proceed();
    }
}
