package dev.parley.events.internal;

import dev.parley.events.EventSettings;
import dev.parley.events.LiveListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executor;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Role;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor of {@link LiveListener}s: a few threads of their own with an unbounded queue, handed over without
 * blocking like the module listeners' executor, so live pushes keep up while other listeners are behind; and the
 * advice that hands each live listener call to it after the commit ({@link LivePushes}).
 */
@Configuration(proxyBeanMethods = false)
class LiveListenerExecutor {

    @Bean(name = LiveListener.EXECUTOR, destroyMethod = "shutdown")
    ThreadPoolTaskExecutor liveListenerExecutor(EventSettings settings, MeterRegistry meters) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.liveThreads());
        executor.setMaxPoolSize(settings.liveThreads());
        executor.setThreadNamePrefix("live-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(5);
        executor.initialize();
        Gauge.builder("parley.events.live.queued", executor, e -> e.getThreadPoolExecutor().getQueue().size())
                .description("Live pushes waiting for a thread").register(meters);
        return executor;
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor livePushAdvisor(@Lazy @Qualifier(LiveListener.EXECUTOR) Executor executor,
            @Lazy MeterRegistry meters) {
        return LivePushes.advisor(executor, meters, LivePushes.RETRIES);
    }
}
