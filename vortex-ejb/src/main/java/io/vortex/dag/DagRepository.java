package io.vortex.dag;

import io.vortex.platform.JpqlWhere;
import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
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

    /** The active DAGs that each of the given files defined at its last successful parse, by file. */
    public Map<String, List<Dag>> activeInFiles(Collection<String> filelocs) {
        Map<String, List<Dag>> byFile = new HashMap<>();
        for (List<String> chunk : chunks(filelocs)) {
            em.createQuery("SELECT d FROM Dag d WHERE d.fileloc IN :filelocs AND d.active = TRUE", Dag.class)
                    .setParameter("filelocs", chunk)
                    .getResultList()
                    .forEach(dag -> byFile.computeIfAbsent(dag.getFileloc(), file -> new ArrayList<>()).add(dag));
        }
        return byFile;
    }

    /**
     * The source hash of the latest stored version of each file that defines active DAGs, by
     * file: what the DAG processor last parsed successfully, before this server started.
     */
    public Map<String, String> latestSourceHashes() {
        Map<String, String> byFile = new HashMap<>();
        em.createQuery("SELECT v.fileloc, v.sourceHash FROM DagVersion v JOIN v.dag d WHERE d.active = TRUE"
                        + " AND v.fileloc = d.fileloc AND v.versionNumber ="
                        + " (SELECT MAX(w.versionNumber) FROM DagVersion w WHERE w.dag = d)", Object[].class)
                .getResultList()
                .forEach(row -> byFile.put((String) row[0], (String) row[1]));
        return byFile;
    }

    /** The DAGs with these ids that exist, by dag_id. */
    public Map<String, Dag> findByDagIds(Collection<String> dagIds) {
        Map<String, Dag> byId = new HashMap<>();
        for (List<String> chunk : chunks(dagIds)) {
            em.createQuery("SELECT d FROM Dag d WHERE d.dagId IN :dagIds", Dag.class)
                    .setParameter("dagIds", chunk)
                    .getResultList()
                    .forEach(dag -> byId.put(dag.getDagId(), dag));
        }
        return byId;
    }

    /** IN lists of a size every database accepts. */
    static List<List<String>> chunks(Collection<String> values) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(values));
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < distinct.size(); start += 500) {
            chunks.add(distinct.subList(start, Math.min(distinct.size(), start + 500)));
        }
        return chunks;
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

    /**
     * The DAG, locked until the transaction ends: a change by a user waits for the scheduler's
     * (which holds the same lock) instead of failing on the row version it moved.
     */
    public Optional<Dag> lockByDagId(String dagId) {
        return em.createQuery("SELECT d FROM Dag d WHERE d.dagId = :dagId", Dag.class)
                .setParameter("dagId", dagId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    public Page<Dag> find(DagFilter filter, PageRequest page) {
        JpqlWhere where = new JpqlWhere();
        if (filter.onlyActive()) {
            where.and("d.active = TRUE");
        }
        if (filter.paused() != null) {
            where.and(filter.paused() ? "d.paused = TRUE" : "d.paused = FALSE");
        }
        if (filter.dagIdPattern() != null && !filter.dagIdPattern().isBlank()) {
            where.and("LOWER(d.dagId) LIKE :pattern", "pattern", "%" + filter.dagIdPattern().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (!filter.tags().isEmpty()) {
            where.and("d.id IN (SELECT t.id FROM Dag t JOIN t.tags tag WHERE tag IN :tags)", "tags", filter.tags());
        }
        long total = where.bind(em.createQuery("SELECT COUNT(d) FROM Dag d" + where.clause(), Long.class)).getSingleResult();
        List<Dag> items = where.bind(em.createQuery("SELECT d FROM Dag d" + where.clause() + page.orderByClause("d", ORDERABLE, "dagId"),
                        Dag.class))
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        return new Page<>(items, total);
    }
}
