package dev.parley.cluster;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The scheduler behind every {@code @Scheduled} job: each job waits for its next run on a thread of its own, so a
 * job that blocks (a mail server that accepts and never answers holds a poll for the mail timeout, 30 s; a
 * sweep over a large table) never holds up another. With virtual threads on, Spring Boot's default scheduler runs
 * every fixed-delay job on one shared thread, one after the other: a hung mailbox poll stopped the widget streams'
 * heartbeats and close checks, presence, SLA and webhook retries for as long as it hung (ADR 0036). Platform
 * threads, not virtual ones: jobs that compute for a while (a sweep over 10,000 streams) are then time-sliced by the
 * operating system beside the two carrier threads of the requests, instead of taking a carrier until they block.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledJobThreads {

    /**
     * Threads the scheduler may keep, started as tasks are scheduled: a ceiling above the number of scheduled jobs
     * (about twenty), so a due job always finds a thread. {@code ScheduledJobThreadsTests} fails when the jobs outgrow it.
     */
    static final int JOB_THREADS = 64;

    @Bean(name = "taskScheduler")
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        ThreadPoolTaskScheduler scheduler = builder.poolSize(JOB_THREADS).threadNamePrefix("job-").build();
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setDaemon(true); // a job stuck in a read never holds the JVM's exit up
        return scheduler;
    }
}
