package io.vortex.schedule;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records that this server's scheduler is alive: a {@code job} row of type SchedulerJob created
 * at start-up, its {@code latest_heartbeat} moved forward by a non-persistent interval timer,
 * and ended on shutdown. {@code GET /health} judges the scheduler by the newest heartbeat of
 * any server, as Airflow does.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class SchedulerHeartbeat {

    private static final Logger LOG = Logger.getLogger(SchedulerHeartbeat.class.getName());

    @Resource
    private TimerService timerService;

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "vortex.scheduler.heartbeat-sec", defaultValue = "5")
    private int heartbeatSeconds;

    private Long jobId;

    @PostConstruct
    void start() {
        SchedulerJob job = new SchedulerJob(hostname(), now());
        em.persist(job);
        em.flush();
        jobId = job.getId();
        timerService.createIntervalTimer(heartbeatSeconds * 1000L, heartbeatSeconds * 1000L,
                new TimerConfig("scheduler-heartbeat", false));
        LOG.info(() -> String.format("Scheduler job %d started on %s; heartbeat every %d s",
                jobId, job.getHostname(), heartbeatSeconds));
    }

    @Timeout
    void beat() {
        em.find(SchedulerJob.class, jobId).heartbeat(now());
    }

    @PreDestroy
    void stop() {
        em.find(SchedulerJob.class, jobId).end(now());
        LOG.info(() -> "Scheduler job " + jobId + " ended");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
