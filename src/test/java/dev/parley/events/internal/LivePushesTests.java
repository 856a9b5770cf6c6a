package dev.parley.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.events.LiveListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A live listener runs after its publisher's commit, on the live threads, never for a rollback, and is tried again
 * after a pause when it throws, a bounded number of times.
 */
class LivePushesTests {

    record Changed(String what) {
    }

    /** Calls through the inner advice (a static: advisors are made before other beans). */
    static final AtomicInteger INNER_CALLS = new AtomicInteger();

    /** What the listener did: each push, and on which thread; it throws for the first {@code failFirst} calls. */
    static class Pushes {

        final List<String> pushed = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile int failFirst;
    }

    /** A live listener (its bean is a proxy, so what it did is kept in {@link Pushes}). */
    static class Relay {

        private final Pushes pushes;

        Relay(Pushes pushes) {
            this.pushes = pushes;
        }

        @LiveListener
        void on(Changed event) {
            if (pushes.calls.incrementAndGet() <= pushes.failFirst) {
                throw new IllegalStateException("the bus is down");
            }
            pushes.pushed.add(event.what() + " on " + Thread.currentThread().getName());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Setup {

        @Bean
        DataSourceTransactionManager transactions() {
            return new DataSourceTransactionManager(new DriverManagerDataSource(
                    "jdbc:h2:mem:live-pushes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        }

        @Bean
        TransactionTemplate tx(DataSourceTransactionManager transactions) {
            return new TransactionTemplate(transactions);
        }

        @Bean(name = LiveListener.EXECUTOR, destroyMethod = "shutdown")
        ThreadPoolTaskExecutor live() {
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setCorePoolSize(2);
            executor.setThreadNamePrefix("live-");
            return executor;
        }

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        /** As the application's advisor, with short pauses. */
        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static Advisor livePushAdvisor(@org.springframework.context.annotation.Lazy
                @Qualifier(LiveListener.EXECUTOR) Executor executor,
                @org.springframework.context.annotation.Lazy MeterRegistry meters) {
            DefaultPointcutAdvisor advisor = LivePushes.advisor(executor, meters,
                    List.of(Duration.ofMillis(50), Duration.ofMillis(50)));
            advisor.setOrder(0);
            return advisor;
        }

        /** Another advice on the listener, inside the live one: it must see every attempt, not only the first. */
        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static Advisor innerAdvisor() {
            DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                    AnnotationMatchingPointcut.forMethodAnnotation(LiveListener.class),
                    (org.aopalliance.intercept.MethodInterceptor) invocation -> {
                        INNER_CALLS.incrementAndGet();
                        return invocation.proceed();
                    });
            advisor.setOrder(1);
            return advisor;
        }

        @Bean
        Pushes pushes() {
            return new Pushes();
        }

        @Bean
        Relay relay(Pushes pushes) {
            return new Relay(pushes);
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Setup.class);

    @Test
    void aPushRunsOnTheLiveThreadsOnlyOnceThePublishingTransactionHasCommitted() {
        runner.run(context -> {
            Pushes relay = context.getBean(Pushes.class);
            ApplicationEventPublisher events = context;
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                events.publishEvent(new Changed("status"));
                sleep(200);
                assertThat(relay.calls).as("not before the commit").hasValue(0);
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> !relay.pushed.isEmpty());
            assertThat(relay.pushed).singleElement().asString().startsWith("status on live-");
        });
    }

    @Test
    void aRolledBackChangeIsNeverPushed() {
        runner.run(context -> {
            Pushes relay = context.getBean(Pushes.class);
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                context.publishEvent(new Changed("never"));
                status.setRollbackOnly();
            });
            context.publishEvent(new Changed("outside a transaction"));
            await().atMost(Duration.ofSeconds(5)).until(() -> !relay.pushed.isEmpty());
            sleep(200);
            assertThat(relay.pushed).singleElement().asString().startsWith("outside a transaction on live-");
        });
    }

    @Test
    void aPushThatFailsIsTriedAgainAndOneThatKeepsFailingIsCountedAfterItsLastTry() {
        runner.run(context -> {
            Pushes relay = context.getBean(Pushes.class);
            INNER_CALLS.set(0);
            relay.failFirst = 2;
            context.publishEvent(new Changed("late"));
            await().atMost(Duration.ofSeconds(5)).until(() -> !relay.pushed.isEmpty());
            assertThat(relay.calls).hasValue(3);
            assertThat(INNER_CALLS).as("each attempt goes through the whole chain of advice").hasValue(3);

            relay.calls.set(0);
            relay.pushed.clear();
            relay.failFirst = 10;
            context.publishEvent(new Changed("lost"));
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> meters.find("parley.events.live.failed").counter() != null
                            && meters.find("parley.events.live.failed").counter().count() == 1);
            sleep(300);
            assertThat(relay.calls).as("the first try and one per pause, no more").hasValue(3);
            assertThat(relay.pushed).isEmpty();
        });
    }

    @Test
    void aNodeThatIsStoppingDropsThePushInsteadOfFailingTheCommitThatSetItOff() {
        runner.run(context -> {
            Pushes relay = context.getBean(Pushes.class);
            context.getBean(LiveListener.EXECUTOR, ThreadPoolTaskExecutor.class).shutdown();

            context.getBean(TransactionTemplate.class).executeWithoutResult(
                    status -> context.publishEvent(new Changed("too late")));

            sleep(200);
            assertThat(relay.calls).hasValue(0);
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
