package io.vortex.execution;

import io.vortex.dag.Dag;
import io.vortex.dag.ParsedDag;
import io.vortex.dag.TaskSpec;
import io.vortex.execution.TryPlan.PulledXCom;
import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import io.vortex.platform.JpqlWhere;
import io.vortex.schedule.DagRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/** Queries over task instances, their tries and their XComs. */
@ApplicationScoped
public class TaskInstanceRepository {

    /** Airflow's order_by names for task instances, and the attributes they sort. */
    private static final Map<String, String> ORDERABLE = Map.of("id", "id", "task_id", "taskId", "map_index", "mapIndex",
            "state", "state", "start_date", "startDate", "end_date", "endDate", "duration", "duration", "pool", "pool",
            "queue", "queue", "priority_weight", "priorityWeight");

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
     * Creates the instances a run lacks (Airflow's {@code verify_integrity}): every task's for a
     * new run, those of tasks added to the DAG since for an older one.
     *
     * @return the instances created
     */
    public List<TaskInstance> addMissing(DagRun run, Map<String, TaskSpec> tasks) {
        Set<String> existing = new HashSet<>(em.createQuery(
                        "SELECT t.taskId FROM TaskInstance t WHERE t.dagRun = :run", String.class)
                .setParameter("run", run)
                .getResultList());
        List<TaskInstance> created = new ArrayList<>();
        for (TaskSpec task : tasks.values()) {
            if (!existing.contains(task.taskId())) {
                TaskInstance ti = new TaskInstance(run, task, TaskInstance.NOT_MAPPED, ParsedDag.priorityWeightTotal(tasks, task));
                em.persist(ti);
                created.add(ti);
            }
        }
        return created;
    }

    /**
     * The instances of a DAG's runs that {@code selection} picks, by run logical date then
     * creation, with their runs.
     */
    public List<TaskInstance> select(Dag dag, TaskInstanceSelection selection) {
        if (selection.taskIds().map(Set::isEmpty).orElse(false)) {
            return List.of();
        }
        return selecting("SELECT t FROM TaskInstance t JOIN FETCH t.dagRun r", " ORDER BY r.logicalDate, r.id, t.id", TaskInstance.class,
                dag, selection);
    }

    /** Ids of the runs that have instances {@code selection} picks, in ascending order: the order to lock them in. */
    public List<Long> runsOf(Dag dag, TaskInstanceSelection selection) {
        if (selection.taskIds().map(Set::isEmpty).orElse(false)) {
            return List.of();
        }
        return selecting("SELECT DISTINCT r.id FROM TaskInstance t JOIN t.dagRun r", " ORDER BY r.id", Long.class, dag, selection);
    }

    private <T> List<T> selecting(String select, String orderBy, Class<T> type, Dag dag, TaskInstanceSelection selection) {
        JpqlWhere where = new JpqlWhere()
                .and("t.dag = :dag", "dag", dag)
                .within("r.logicalDate", "logical", selection.logicalDate())
                .and("t.taskId IN :taskIds", "taskIds", selection.taskIds())
                .and("t.state IN :states", "states", selection.states())
                .and("(t.state IS NULL OR t.state <> :notInState)", "notInState", selection.notInState());
        if (!selection.excludedTaskIds().isEmpty()) {
            where.and("t.taskId NOT IN :excluded", "excluded", selection.excludedTaskIds());
        }
        return where.bind(em.createQuery(select + where.clause() + orderBy, type)).getResultList();
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

    /** Airflow's task instance list: the instances {@code filter} picks, a page of them. */
    public Page<TaskInstance> find(TaskInstanceFilter filter, PageRequest page) {
        JpqlWhere where = new JpqlWhere()
                .and("t.dag.dagId = :dagId", "dagId", filter.dagId())
                .and("r.runId = :runId", "runId", filter.runId())
                .in("t.pool", "pools", filter.pools())
                .in("t.queue", "queues", filter.queues())
                .within("r.logicalDate", "logical", filter.logicalDate())
                .within("t.startDate", "start", filter.startDate())
                .within("t.endDate", "end", filter.endDate())
                .and("t.duration >= :durationFrom", "durationFrom", filter.durationFrom())
                .and("t.duration <= :durationTo", "durationTo", filter.durationTo());
        if (!filter.includeNone()) {
            where.in("t.state", "states", filter.states());
        } else if (filter.states().isEmpty()) {
            where.and("t.state IS NULL");
        } else {
            where.and("(t.state IS NULL OR t.state IN :states)", "states", filter.states());
        }
        long total = where.bind(em.createQuery("SELECT COUNT(t) FROM TaskInstance t JOIN t.dagRun r" + where.clause(), Long.class))
                .getSingleResult();
        List<TaskInstance> items = where.bind(em.createQuery("SELECT t FROM TaskInstance t JOIN FETCH t.dagRun r" + where.clause()
                        + page.orderByClause("t", ORDERABLE, "id"), TaskInstance.class))
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        return new Page<>(items, total);
    }

    /** Every instance of a run, in task order of creation. */
    public List<TaskInstance> ofRun(DagRun run) {
        return em.createQuery("SELECT t FROM TaskInstance t WHERE t.dagRun = :run ORDER BY t.id", TaskInstance.class)
                .setParameter("run", run)
                .getResultList();
    }

    /** The instances of one task in a run: one, or one per map index of a mapped task, by map index. */
    public List<TaskInstance> ofTask(DagRun run, String taskId) {
        return em.createQuery("SELECT t FROM TaskInstance t WHERE t.dagRun = :run AND t.taskId = :taskId ORDER BY t.mapIndex",
                        TaskInstance.class)
                .setParameter("run", run)
                .setParameter("taskId", taskId)
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
    public List<PulledXCom> xcomsOfRun(DagRun run) {
        return em.createQuery("SELECT x FROM XCom x JOIN FETCH x.taskInstance t WHERE t.dagRun = :run ORDER BY x.id", XCom.class)
                .setParameter("run", run)
                .getResultStream()
                .map(PulledXCom::of)
                .toList();
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
