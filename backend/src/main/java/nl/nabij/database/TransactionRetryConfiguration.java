package nl.nabij.database;

import java.lang.reflect.Method;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transient errors are retried in one place, around the transaction rather than in each service: an advisor wraps
 * every {@code @Transactional} method (the same methods the transaction interceptor wraps, and just outside it, so
 * each try is a transaction of its own), and the one {@link TransactionOperations} for code that demarcates its
 * transactions itself retries the same way, and so do the Spring Data repositories. A new write path gets the retry
 * by being transactional at all.
 */
@Configuration(proxyBeanMethods = false)
class TransactionRetryConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static TransientErrors transientErrors() {
        return new TransientErrors();
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor transientErrorRetryAdvisor(TransientErrors transientErrors) {
        var transactional = new AnnotationTransactionAttributeSource(false);
        var advisor = new DefaultPointcutAdvisor(
                new StaticMethodMatcherPointcut() {
                    @Override
                    public boolean matches(Method method, Class<?> targetClass) {
                        return transactional.getTransactionAttribute(method, targetClass) != null;
                    }
                },
                transientErrors);
        // Outside the transaction interceptor (which has the lowest precedence), so a retry begins a new transaction.
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return advisor;
    }

    /**
     * Spring Data repositories are proxied by their factory, not by the advisor above; the retry goes first among
     * their advice, outside the transaction their factory adds.
     */
    @Bean
    static BeanPostProcessor transientErrorRetryForRepositories(TransientErrors transientErrors) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> repositories) {
                    repositories.addRepositoryFactoryCustomizer(factory -> factory.addRepositoryProxyPostProcessor(
                            (proxy, repository) -> proxy.addAdvice(0, transientErrors)));
                }
                return bean;
            }
        };
    }

    /** Programmatic transactions, retried like the annotated ones. */
    @Bean
    TransactionOperations transactionOperations(
            PlatformTransactionManager transactionManager, TransientErrors transientErrors) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return transientErrors.retry(() -> template.execute(action));
            }
        };
    }
}
