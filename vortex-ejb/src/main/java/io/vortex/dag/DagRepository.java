package io.vortex.dag;

import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds DAGs in the metadatabase. */
@ApplicationScoped
public class DagRepository {

    /** API attribute names a DAG list may be ordered by, and the entity attribute behind each. */
    static final Map<String, String> ORDERABLE = Map.of(
            "dag_id", "dagId",
            "is_paused", "paused",
            "last_parsed_time", "lastParsedTime",
            "next_dagrun", "nextDagrun",
            "fileloc", "fileloc",
            "owners", "owners");

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    public void add(Dag dag) {
        em.persist(dag);
    }

    /** The active DAGs that the given file defined at its last successful parse. */
    public List<Dag> activeInFile(String fileloc) {
        return em.createQuery("SELECT d FROM Dag d WHERE d.fileloc = :fileloc AND d.active = TRUE", Dag.class)
                .setParameter("fileloc", fileloc)
                .getResultList();
    }

    /** Some DAG of the file with this token; the token names a file, not a DAG. */
    public Optional<Dag> findByFileToken(String fileToken) {
        return em.createQuery("SELECT d FROM Dag d WHERE d.fileToken = :token ORDER BY d.active DESC, d.dagId", Dag.class)
                .setParameter("token", fileToken)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public Optional<SerializedDag> serialized(Dag dag) {
        return Optional.ofNullable(em.find(SerializedDag.class, dag.getId()));
    }

    public void add(SerializedDag serialized) {
        em.persist(serialized);
    }

    public Optional<DagVersion> latestVersion(Dag dag) {
        return em.createQuery("SELECT v FROM DagVersion v WHERE v.dag = :dag ORDER BY v.versionNumber DESC", DagVersion.class)
                .setParameter("dag", dag)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public void add(DagVersion version) {
        em.persist(version);
    }

    public Optional<Dag> findByDagId(String dagId) {
        return em.createQuery("SELECT d FROM Dag d WHERE d.dagId = :dagId", Dag.class)
                .setParameter("dagId", dagId)
                .getResultStream()
                .findFirst();
    }

    public Page<Dag> find(DagFilter filter, PageRequest page) {
        String order = page.orderByClause("d", ORDERABLE, "dagId");
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.onlyActive()) {
            where.append(" AND d.active = TRUE");
        }
        if (filter.paused() != null) {
            where.append(filter.paused() ? " AND d.paused = TRUE" : " AND d.paused = FALSE");
        }
        if (filter.dagIdPattern() != null && !filter.dagIdPattern().isBlank()) {
            where.append(" AND LOWER(d.dagId) LIKE :pattern");
            parameters.put("pattern", "%" + filter.dagIdPattern().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (!filter.tags().isEmpty()) {
            where.append(" AND d.id IN (SELECT t.id FROM Dag t JOIN t.tags tag WHERE tag IN :tags)");
            parameters.put("tags", filter.tags());
        }

        TypedQuery<Long> count = em.createQuery("SELECT COUNT(d) FROM Dag d" + where, Long.class);
        TypedQuery<Dag> select = em.createQuery("SELECT d FROM Dag d" + where + order, Dag.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        return new Page<>(select.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList(),
                count.getSingleResult());
    }
}
