package io.vortex.security;

import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds and stores users. */
@ApplicationScoped
public class UserRepository {

    /** API attribute names a user list may be ordered by, and the entity attribute behind each. */
    static final Map<String, String> ORDERABLE = Map.of(
            "username", "username",
            "email", "email",
            "created_on", "createdAt",
            "last_login", "lastLogin");

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
    }

    public Optional<User> findByUsername(String username) {
        return em.createQuery("SELECT u FROM User u WHERE u.username = :username", User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /**
     * Moves the user's last login to {@code at}. A bulk update rather than a change to the entity:
     * every Basic-authenticated API call signs in, and concurrent calls of one user must not fail
     * on the row's optimistic-lock version.
     */
    public void markSignedIn(String username, OffsetDateTime at) {
        em.createQuery("UPDATE User u SET u.lastLogin = :at WHERE u.username = :username")
                .setParameter("at", at)
                .setParameter("username", username)
                .executeUpdate();
    }

    public Page<User> find(PageRequest page) {
        List<User> items = em.createQuery("SELECT u FROM User u" + page.orderByClause("u", ORDERABLE, "username"), User.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        return new Page<>(items, count());
    }

    /**
     * Counts the active Admins, locking their rows until the transaction ends, so that two
     * requests cannot each remove one of the last two Admins.
     */
    public long countActiveAdmins() {
        return em.createQuery("SELECT u FROM User u WHERE u.role = :admin AND u.active = TRUE", User.class)
                .setParameter("admin", Role.Admin)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .size();
    }

    /** Users whose password column still holds a plaintext password. */
    public List<User> withPlaintextPasswords() {
        return em.createQuery("SELECT u FROM User u WHERE u.passwordHash IS NOT NULL AND u.passwordSalt IS NULL", User.class)
                .getResultList();
    }

    public void add(User user) {
        em.persist(user);
    }

    public void remove(User user) {
        em.remove(user);
    }
}
