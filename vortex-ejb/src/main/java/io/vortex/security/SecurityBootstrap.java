package io.vortex.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the user table safe before anyone can sign in: plaintext passwords left by an older
 * install or a manual insert are replaced by their hashes, and when there is no user at all the
 * first Admin is created (there is no built-in admin/admin). Its name is {@code VORTEX_ADMIN_USER}
 * ({@code admin}); its password is {@code VORTEX_ADMIN_PASSWORD}, which must meet the password
 * rules, or else a strong random one written once to the server log, where the start script
 * picks it up. Two servers starting together on one database create the Admin once.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class SecurityBootstrap {

    private static final Logger LOG = Logger.getLogger(SecurityBootstrap.class.getName());
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "-_.+=@%";
    private static final int GENERATED_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource
    private UserTransaction transaction;

    @Inject
    private UserRepository users;

    @Inject
    @ConfigProperty(name = "vortex.admin.user", defaultValue = "admin")
    private String adminUser;

    @Inject
    @ConfigProperty(name = "vortex.admin.password")
    private Optional<String> adminPassword;

    @Inject
    private PasswordHasher hasher;

    @PostConstruct
    void secureUsers() {
        adminPassword.ifPresent(password -> PasswordPolicy.check(adminUser, password, "VORTEX_ADMIN_PASSWORD"));
        inTransaction(this::hashPlaintextPasswords);
        try {
            inTransaction(this::createFirstAdminIfNoUserExists);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof RollbackException)) {
                throw e;
            }
            LOG.info(() -> "Another server created the first Admin at the same time; keeping theirs");
        }
    }

    private void hashPlaintextPasswords() {
        List<User> plaintext = users.withPlaintextPasswords();
        plaintext.forEach(user -> user.changePassword(hasher.hash(user.plaintextPassword().orElseThrow())));
        if (!plaintext.isEmpty()) {
            LOG.warning(() -> "Found " + plaintext.size() + " plaintext password(s) in the user table; stored them hashed");
        }
    }

    private void createFirstAdminIfNoUserExists() {
        if (users.count() > 0) {
            return;
        }
        String password = adminPassword.orElseGet(SecurityBootstrap::generatePassword);
        User admin = new User(adminUser, null, null, Role.Admin, OffsetDateTime.now(ZoneOffset.UTC));
        admin.changePassword(hasher.hash(password));
        users.add(admin);
        if (adminPassword.isPresent()) {
            LOG.info(() -> "First Admin '" + adminUser + "' created with the password from VORTEX_ADMIN_PASSWORD");
        } else {
            // the only time this password is ever shown: the start script prints this line
            LOG.info(() -> "First Admin '" + adminUser + "' created with a generated password: " + password);
        }
    }

    private void inTransaction(Runnable work) {
        try {
            transaction.begin();
            work.run();
            transaction.commit();
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        } catch (Exception e) {
            rollbackQuietly();
            throw new IllegalStateException("Securing the user table failed: " + e.getMessage(), e);
        }
    }

    private void rollbackQuietly() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            LOG.warning(() -> "Rolling back failed: " + e.getMessage());
        }
    }

    /** Twenty characters with every kind the password rules count, none easily confused (0/O, 1/l). */
    static String generatePassword() {
        List<Character> characters = new ArrayList<>();
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        for (String kind : List.of(LOWER, UPPER, DIGITS, SYMBOLS)) {
            characters.add(kind.charAt(RANDOM.nextInt(kind.length())));
        }
        while (characters.size() < GENERATED_LENGTH) {
            characters.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        Collections.shuffle(characters, RANDOM);
        StringBuilder password = new StringBuilder();
        characters.forEach(password::append);
        return password.toString();
    }
}
