package ru.paragraf.sferum.sync;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements and commits that the sync workers' threads send to PostgreSQL (one round trip each),
 * by the statement's text, so that a test can say what an operation costs in round trips. Pump and request threads
 * are not counted: their work is per pass or per page, not per operation.
 */
final class StatementCounter {

    private static final Set<String> EXECUTES =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    final Map<String, LongAdder> statements = new ConcurrentHashMap<>();
    final LongAdder commits = new LongAdder();

    long statementTotal() {
        return statements.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void reset() {
        statements.clear();
        commits.reset();
    }

    private static boolean counted() {
        return Thread.currentThread().getName().startsWith("sync-worker-");
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> {
            if (result instanceof Connection connection) {
                return connection(connection);
            }
            return result;
        });
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args, result) -> {
            if (method.getName().equals("commit") && counted()) {
                commits.increment();
            }
            if (result instanceof Statement statement) {
                var sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "?";
                return statement(statement, sql);
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private Statement statement(Statement target, String sql) {
        Class<?> type = java.sql.CallableStatement.class.isInstance(target)
                ? java.sql.CallableStatement.class
                : java.sql.PreparedStatement.class.isInstance(target)
                        ? java.sql.PreparedStatement.class
                        : Statement.class;
        return (Statement) proxy((Class<Object>) type, target, (method, args, result) -> {
            if (EXECUTES.contains(method.getName()) || method.getName().equals("executeBatch")) {
                if (counted()) {
                    var text = args != null && args.length > 0 && args[0] instanceof String given ? given : sql;
                    statements
                            .computeIfAbsent(text.strip().replaceAll("\\s+", " "), key -> new LongAdder())
                            .increment();
                }
            }
            return result;
        });
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return after.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** The counter, with the application's DataSource wrapped in it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Installed {

        @Bean
        StatementCounter statementCounter() {
            return new StatementCounter();
        }

        @Bean
        static BeanPostProcessor countingDataSource(
                org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource
                            ? counter.getObject().wrap(dataSource)
                            : bean;
                }
            };
        }
    }
}
