package dev.podium.talks;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Counts the SQL statements talks-service prepares on the archive's tables, to show that a page costs
 * the same queries whatever it lists (no query per talk). Only in a test class that sets
 * {@code podium.test.count-statements=true}: the service's data source is then wrapped, and every
 * statement it prepares or creates is recorded.
 */
@Singleton
@Requires(property = "podium.test.count-statements", value = "true")
public class StatementCounter implements BeanCreatedEventListener<DataSource>, Ordered {

    /** Words of the archive's queries: submissions, their speakers, tags and materials, events and groups. */
    private static final List<String> ARCHIVE_TABLES = List.of("submission", "speaker", "talk_materials", "known_event", "known_group");

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        return proxy(DataSource.class, dataSource, (method, result) ->
                result instanceof Connection connection ? proxy(Connection.class, connection, (m, r) -> r, this::record) : result,
                (method, args) -> { });
    }

    /**
     * First of the data source's listeners, so that it wraps the pool itself: Micronaut Data's own
     * (ContextualAwareDataSource) wraps this in turn, and its connections are the pool's, counted.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** The statements on the archive's tables that {@code work} prepared. */
    public List<String> during(Runnable work) {
        statements.clear();
        work.run();
        return List.copyOf(statements);
    }

    private void record(Method method, Object[] args) {
        if ((method.getName().startsWith("prepare") || method.getName().startsWith("execute")) && args != null && args.length > 0
                && args[0] instanceof String sql) {
            String lower = sql.toLowerCase(Locale.ROOT);
            // The search index's feed polls archive_change in the background, whatever the request.
            if (ARCHIVE_TABLES.stream().anyMatch(lower::contains) && !lower.contains("archive_change")) {
                statements.add(sql.replaceAll("\\s+", " ").strip());
            }
        }
    }

    private interface After {
        Object apply(Method method, Object result);
    }

    private interface Before {
        void accept(Method method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after, Before before) {
        InvocationHandler handler = (proxy, method, args) -> {
            before.accept(method, args);
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
