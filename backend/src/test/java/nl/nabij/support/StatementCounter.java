package nl.nabij.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.nabij.database.InProcessReads;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the Cypher statements the application sends through the driver, by wrapping the driver and everything it
 * hands out (sessions, transactions, executable queries) and counting each {@code run} and {@code execute}, except
 * those of scheduled jobs, and the ones it runs in the embedded database's process ({@link InProcessReads}). The statements still go to the real database.
 */
public class StatementCounter implements BeanPostProcessor {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final List<Query> queries = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof Driver || bean instanceof InProcessReads ? wrap(bean) : bean;
    }

    public void reset() {
        statements.clear();
        queries.clear();
    }

    /** The statements sent since the last reset, with their parameters. */
    public List<Query> queries() {
        return List.copyOf(queries);
    }

    public int count() {
        return statements.size();
    }

    /** The statements that did not write the audit trail: the ones that fetched what was asked for. */
    public long dataStatements() {
        return statements.stream().filter(text -> !text.contains("Audit")).count();
    }

    /** The statements that wrote the audit trail. */
    public long auditStatements() {
        return statements.size() - dataStatements();
    }

    private Object wrap(Object target) {
        Class<?>[] interfaces = publicDriverInterfaces(target.getClass());
        if (interfaces.length == 0) {
            return target;
        }
        InvocationHandler handler = (proxy, method, arguments) -> invoke(target, method, arguments);
        return Proxy.newProxyInstance(getClass().getClassLoader(), interfaces, handler);
    }

    private Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        if ((method.getName().equals("run") || method.getName().equals("execute")) && !scheduled()) {
            Object query = arguments == null || arguments.length == 0 ? null : arguments[0];
            statements.add(query instanceof Query q ? q.text() : String.valueOf(query));
            queries.add(asQuery(query, arguments));
        }
        Object result;
        try {
            result = method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return result == null || !method.getReturnType().isInterface() ? result : wrap(result);
    }

    /** Scheduled jobs (the audit sealer runs a few times a second) send statements no request asked for. */
    private static boolean scheduled() {
        return Thread.currentThread().getName().startsWith("scheduling-");
    }

    private static Query asQuery(Object query, Object[] arguments) {
        if (query instanceof Query q) {
            return q;
        }
        Object parameters = arguments != null && arguments.length > 1 ? arguments[1] : null;
        if (parameters instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> named = (Map<String, Object>) map;
            return new Query(String.valueOf(query), named);
        }
        if (parameters instanceof Value value) {
            return new Query(String.valueOf(query), value);
        }
        return new Query(String.valueOf(query));
    }

    private static Class<?>[] publicDriverInterfaces(Class<?> type) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            collect(current.getInterfaces(), found);
        }
        return found.toArray(Class<?>[]::new);
    }

    private static void collect(Class<?>[] interfaces, Set<Class<?>> found) {
        Arrays.stream(interfaces).forEach(candidate -> {
            if (Modifier.isPublic(candidate.getModifiers())
                    && (candidate.getPackageName().startsWith("org.neo4j.driver")
                            || candidate == InProcessReads.class)) {
                found.add(candidate);
            }
            collect(candidate.getInterfaces(), found);
        });
    }
}
