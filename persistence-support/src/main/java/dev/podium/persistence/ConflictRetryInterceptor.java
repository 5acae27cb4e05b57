package dev.podium.persistence;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import java.sql.Connection;

/**
 * Gives every {@code @Transactional} method that starts a transaction (no transaction is open when it
 * is called) the {@link ConflictRetry}: it sits outside the transaction interceptor, so each attempt
 * is a new transaction. A method that joins its caller's transaction is not retried on its own (the
 * database rolled back the caller's work too); the caller's boundary retries the whole.
 */
@InterceptorBean(Transactional.class)
class ConflictRetryInterceptor implements MethodInterceptor<Object, Object> {

    private final TransactionOperations<Connection> transactions;

    ConflictRetryInterceptor(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() - 1;  // inside TransactionSpans, outside the transaction
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        if (transactions.findTransactionStatus().isPresent()) {
            return context.proceed();
        }
        return ConflictRetry.retried(() -> context.proceed(this));
    }
}
