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
 * Where a {@code @Transactional} method opens a transaction (none is open when it is called), two
 * things wrap it, outside the transaction interceptor: a span ({@code transaction EventService.publish}),
 * so a trace shows where a request's database time went, and inside it the {@link ConflictRetry}, so
 * each attempt is a new transaction. A method that joins its caller's transaction gets neither: it is
 * part of the caller's span, and the database rolled back the caller's work too, so the caller's
 * boundary retries the whole. The span is a no-op when the service does not trace.
 */
@InterceptorBean(Transactional.class)
class TransactionBoundary implements MethodInterceptor<Object, Object> {

    private final TransactionOperations<Connection> transactions;
    private final Tracer tracer;

    TransactionBoundary(TransactionOperations<Connection> transactions, @Nullable OpenTelemetry openTelemetry) {
        this.transactions = transactions;
        this.tracer = (openTelemetry == null ? OpenTelemetry.noop() : openTelemetry).getTracer("dev.podium.persistence");
    }

    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() - 1;
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
            return ConflictRetry.retried(() -> context.proceed(this));
        } catch (RuntimeException e) {
            span.recordException(e).setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
