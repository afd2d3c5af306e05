package io.vortex.platform;

import io.vortex.schedule.SchedulerJob;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Judges whether the metadatabase answers and whether a scheduler has sent a heartbeat
 * recently, as Airflow's {@code /health} does ({@code scheduler_health_check_threshold}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthService {

    private static final Logger LOG = Logger.getLogger(HealthService.class.getName());

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "vortex.scheduler.health-check-threshold-sec", defaultValue = "30")
    private int schedulerThresholdSeconds;

    public HealthReport check() {
        try {
            OffsetDateTime latest = em.createQuery(
                            "SELECT MAX(j.latestHeartbeat) FROM SchedulerJob j WHERE j.jobType = :type", OffsetDateTime.class)
                    .setParameter("type", SchedulerJob.JOB_TYPE)
                    .getSingleResult();
            boolean schedulerAlive = latest != null && Duration.between(latest, OffsetDateTime.now(ZoneOffset.UTC))
                    .compareTo(Duration.ofSeconds(schedulerThresholdSeconds)) <= 0;
            return new HealthReport(true, schedulerAlive, latest);
        } catch (PersistenceException e) {
            LOG.log(Level.WARNING, "Metadatabase health check failed: " + e.getMessage(), e);
            return new HealthReport(false, false, null);
        }
    }

    /** The outcome of one health check; {@code latestSchedulerHeartbeat} is null when unknown. */
    public record HealthReport(boolean metadatabaseHealthy, boolean schedulerHealthy,
                               OffsetDateTime latestSchedulerHeartbeat) {
    }
}
