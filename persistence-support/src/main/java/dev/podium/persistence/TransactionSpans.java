package dev.podium.persistence;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.sql.Connection;

/**
 * A span for each transaction a {@code @Transactional} method opens ({@code transaction
 * EventService.publish}), around its {@link ConflictRetry} attempts, so a trace shows where a request's
 * database time went. A method that joins its caller's transaction is part of the caller's span. A
 * no-op when the service does not trace.
 */
@InterceptorBean(Transactional.class)
class TransactionSpans implements MethodInterceptor<Object, Object> {

    private final TransactionOperations<Connection> transactions;
    private final Tracer tracer;

    TransactionSpans(TransactionOperations<Connection> transactions, @Nullable OpenTelemetry openTelemetry) {
        this.transactions = transactions;
        this.tracer = (openTelemetry == null ? OpenTelemetry.noop() : openTelemetry).getTracer("dev.podium.persistence");
    }

    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() - 2;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        if (transactions.findTransactionStatus().isPresent()) {
            return context.proceed();
        }
        Span span = tracer.spanBuilder("transaction " + context.getDeclaringType().getSimpleName() + "." + context.getMethodName())
                .setAttribute("db.system.name", "mysql")
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return context.proceed();
        } catch (RuntimeException e) {
            span.recordException(e).setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
