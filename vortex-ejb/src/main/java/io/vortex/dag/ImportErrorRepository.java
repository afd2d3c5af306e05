package io.vortex.dag;

import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores the import errors of DAG files, at most one per file: the latest. */
@ApplicationScoped
public class ImportErrorRepository {

    /** API attribute names an import-error list may be ordered by, and the entity attribute behind each. */
    static final Map<String, String> ORDERABLE = Map.of(
            "import_error_id", "id",
            "timestamp", "errorTime",
            "filename", "filename");

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    public void add(ImportError error) {
        em.persist(error);
    }

    /** Removes the import errors of these files. */
    public void clearFor(Collection<String> filenames) {
        for (List<String> chunk : DagRepository.chunks(filenames)) {
            em.createQuery("DELETE FROM ImportError e WHERE e.filename IN :filenames")
                    .setParameter("filenames", chunk)
                    .executeUpdate();
        }
    }

    public Optional<ImportError> find(long id) {
        return Optional.ofNullable(em.find(ImportError.class, id));
    }

    public Page<ImportError> find(PageRequest page) {
        List<ImportError> items = em.createQuery("SELECT e FROM ImportError e" + page.orderByClause("e", ORDERABLE, "id"),
                        ImportError.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        long total = em.createQuery("SELECT COUNT(e) FROM ImportError e", Long.class).getSingleResult();
        return new Page<>(items, total);
    }
}
