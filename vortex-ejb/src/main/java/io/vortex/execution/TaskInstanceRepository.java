package io.vortex.execution;

import io.vortex.schedule.DagRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Queries over task instances, their tries and their XComs. */
@ApplicationScoped
public class TaskInstanceRepository {

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    public void add(TaskInstance ti) {
        em.persist(ti);
    }

    public void add(TaskTry taskTry) {
        em.persist(taskTry);
    }

    public void add(XCom xcom) {
        em.persist(xcom);
    }

    /**
     * Locks the run of an instance for the rest of the transaction: every change to a run's
     * instances is made under that lock, so decisions on the run see them all.
     */
    public Optional<DagRun> lockRunOf(long taskInstanceId) {
        return em.createQuery("SELECT t.dagRun.id FROM TaskInstance t WHERE t.id = :id", Long.class)
                .setParameter("id", taskInstanceId)
                .getResultStream()
                .findFirst()
                .map(runPk -> em.find(DagRun.class, runPk, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Every instance of a run, in task order of creation. */
    public List<TaskInstance> ofRun(DagRun run) {
        return em.createQuery("SELECT t FROM TaskInstance t WHERE t.dagRun = :run ORDER BY t.id", TaskInstance.class)
                .setParameter("run", run)
                .getResultList();
    }

    public Optional<TaskInstance> find(DagRun run, String taskId, int mapIndex) {
        return em.createQuery("SELECT t FROM TaskInstance t WHERE t.dagRun = :run AND t.taskId = :taskId AND t.mapIndex = :mapIndex",
                        TaskInstance.class)
                .setParameter("run", run)
                .setParameter("taskId", taskId)
                .setParameter("mapIndex", mapIndex)
                .getResultStream()
                .findFirst();
    }

    /** Ids of instances in {@code state} (running or queued ones for recovery). */
    public List<Long> idsInState(TaskInstanceState state) {
        return em.createQuery("SELECT t.id FROM TaskInstance t WHERE t.state = :state ORDER BY t.id", Long.class)
                .setParameter("state", state)
                .getResultList();
    }

    /** Ids of instances waiting for a retry whose delay has passed by {@code now}. */
    public List<Long> dueRetries(OffsetDateTime now, int limit) {
        return em.createQuery("SELECT t.id FROM TaskInstance t WHERE t.state = :state AND t.nextRetryAt <= :now"
                        + " ORDER BY t.nextRetryAt", Long.class)
                .setParameter("state", TaskInstanceState.UP_FOR_RETRY)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The try {@code tryNumber} of an instance. */
    public Optional<TaskTry> findTry(TaskInstance ti, int tryNumber) {
        return em.createQuery("SELECT t FROM TaskTry t WHERE t.taskInstance = :ti AND t.tryNumber = :tryNumber", TaskTry.class)
                .setParameter("ti", ti)
                .setParameter("tryNumber", tryNumber)
                .getResultStream()
                .findFirst();
    }

    /** The XComs of a run's instances, oldest first: what its tasks may pull. */
    public List<XCom> xcomsOfRun(DagRun run) {
        return em.createQuery("SELECT x FROM XCom x JOIN FETCH x.taskInstance t WHERE t.dagRun = :run ORDER BY x.id", XCom.class)
                .setParameter("run", run)
                .getResultList();
    }

    public List<XCom> xcomsOf(TaskInstance ti) {
        return em.createQuery("SELECT x FROM XCom x WHERE x.taskInstance = :ti ORDER BY x.key", XCom.class)
                .setParameter("ti", ti)
                .getResultList();
    }

    /** Drops an instance's XComs before a new try pushes its own, as Airflow does. */
    public void clearXComs(TaskInstance ti) {
        em.createQuery("DELETE FROM XCom x WHERE x.taskInstance = :ti").setParameter("ti", ti).executeUpdate();
    }
}
