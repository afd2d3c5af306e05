package io.vortex.schedule;

import io.vortex.dag.Dag;
import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import io.vortex.platform.JpqlWhere;
import io.vortex.schedule.timetable.DataInterval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queries over DAG runs. */
@ApplicationScoped
public class DagRunRepository {

    private static final List<DagRunState> ACTIVE = List.of(DagRunState.QUEUED, DagRunState.RUNNING);
    private static final List<DagRunType> AUTOMATED = List.of(DagRunType.SCHEDULED, DagRunType.BACKFILL);
    /** Airflow's order_by names for runs, and the attributes they sort. */
    private static final Map<String, String> ORDERABLE = Map.ofEntries(
            Map.entry("id", "id"), Map.entry("dag_id", "dag.dagId"), Map.entry("dag_run_id", "runId"), Map.entry("run_id", "runId"),
            Map.entry("state", "state"), Map.entry("run_type", "runType"), Map.entry("logical_date", "logicalDate"),
            Map.entry("execution_date", "logicalDate"), Map.entry("start_date", "startDate"), Map.entry("end_date", "endDate"),
            Map.entry("queued_at", "queuedAt"), Map.entry("data_interval_start", "dataIntervalStart"),
            Map.entry("data_interval_end", "dataIntervalEnd"), Map.entry("external_trigger", "externalTrigger"));

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    public void add(DagRun run) {
        em.persist(run);
    }

    /** The data interval of the DAG's latest scheduled (or backfill) run: where its timetable continues. */
    public Optional<DataInterval> latestAutomatedInterval(Dag dag) {
        return em.createQuery("SELECT r FROM DagRun r WHERE r.dag = :dag AND r.runType IN :types"
                        + " AND r.dataIntervalStart IS NOT NULL ORDER BY r.logicalDate DESC", DagRun.class)
                .setParameter("dag", dag)
                .setParameter("types", AUTOMATED)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(run -> new DataInterval(run.getDataIntervalStart().toInstant(), run.getDataIntervalEnd().toInstant()));
    }

    /** Runs queued or running, which count against {@code max_active_runs}. */
    public long countActive(Dag dag) {
        return em.createQuery("SELECT COUNT(r) FROM DagRun r WHERE r.dag = :dag AND r.state IN :states", Long.class)
                .setParameter("dag", dag)
                .setParameter("states", ACTIVE)
                .getSingleResult();
    }

    public long countRunning(Dag dag) {
        return em.createQuery("SELECT COUNT(r) FROM DagRun r WHERE r.dag = :dag AND r.state = :state", Long.class)
                .setParameter("dag", dag)
                .setParameter("state", DagRunState.RUNNING)
                .getSingleResult();
    }

    /**
     * The run before {@code run} by logical date (Airflow's {@code get_previous_dagrun}), or with
     * {@code scheduledOnly} the one before it among runs not triggered by hand
     * ({@code get_previous_scheduled_dagrun}).
     */
    public Optional<DagRun> previous(DagRun run, boolean scheduledOnly) {
        TypedQuery<DagRun> query = em.createQuery("SELECT r FROM DagRun r WHERE r.dag = :dag AND r.logicalDate < :logicalDate"
                        + (scheduledOnly ? " AND r.runType <> :manual" : "") + " ORDER BY r.logicalDate DESC", DagRun.class)
                .setParameter("dag", run.getDag())
                .setParameter("logicalDate", run.getLogicalDate());
        if (scheduledOnly) {
            query.setParameter("manual", DagRunType.MANUAL);
        }
        return query.setMaxResults(1).getResultStream().findFirst();
    }

    /** The DAG's running run that comes next after {@code run} by logical date. */
    public Optional<DagRun> nextRunning(long dagPk, OffsetDateTime after) {
        return em.createQuery("SELECT r FROM DagRun r WHERE r.dag.id = :dagPk AND r.state = :state AND r.logicalDate > :after"
                        + " ORDER BY r.logicalDate", DagRun.class)
                .setParameter("dagPk", dagPk)
                .setParameter("state", DagRunState.RUNNING)
                .setParameter("after", after)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The DAG's oldest queued runs, by logical date, at most {@code limit}. */
    public List<DagRun> queued(Dag dag, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return em.createQuery("SELECT r FROM DagRun r WHERE r.dag = :dag AND r.state = :state ORDER BY r.logicalDate", DagRun.class)
                .setParameter("dag", dag)
                .setParameter("state", DagRunState.QUEUED)
                .setMaxResults(limit)
                .getResultList();
    }

    public boolean existsAt(Dag dag, OffsetDateTime logicalDate) {
        return findAt(dag, logicalDate).isPresent();
    }

    /** The DAG's run at a logical date; a DAG has one at most. */
    public Optional<DagRun> findAt(Dag dag, OffsetDateTime logicalDate) {
        return em.createQuery("SELECT r FROM DagRun r WHERE r.dag = :dag AND r.logicalDate = :logicalDate", DagRun.class)
                .setParameter("dag", dag)
                .setParameter("logicalDate", logicalDate)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public Page<DagRun> find(DagRunFilter filter, PageRequest page) {
        JpqlWhere where = new JpqlWhere()
                .in("r.dag.dagId", "dagIds", filter.dagIds())
                .in("r.state", "states", filter.states())
                .within("r.logicalDate", "logical", filter.logicalDate())
                .within("r.startDate", "start", filter.startDate())
                .within("r.endDate", "end", filter.endDate());
        long total = where.bind(em.createQuery("SELECT COUNT(r) FROM DagRun r" + where.clause(), Long.class)).getSingleResult();
        List<DagRun> items = where.bind(em.createQuery("SELECT r FROM DagRun r" + where.clause() + page.orderByClause("r", ORDERABLE, "id"),
                        DagRun.class))
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        return new Page<>(items, total);
    }

    /** A run by its DAG's id and its run id, in one query. */
    public Optional<DagRun> find(String dagId, String runId) {
        return em.createQuery("SELECT r FROM DagRun r WHERE r.dag.dagId = :dagId AND r.runId = :runId", DagRun.class)
                .setParameter("dagId", dagId)
                .setParameter("runId", runId)
                .getResultStream()
                .findFirst();
    }

    public Optional<DagRun> find(Dag dag, String runId) {
        return em.createQuery("SELECT r FROM DagRun r WHERE r.dag = :dag AND r.runId = :runId", DagRun.class)
                .setParameter("dag", dag)
                .setParameter("runId", runId)
                .getResultStream()
                .findFirst();
    }
}
