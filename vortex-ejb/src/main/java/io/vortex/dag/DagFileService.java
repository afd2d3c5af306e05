package io.vortex.dag;

import io.vortex.dag.parse.ParseError;
import io.vortex.dag.parse.ParseResult;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Stores what the DAG processor learned from one file, in one transaction: its DAGs (created,
 * refreshed, or deactivated when the file stops defining them), their serialized form, a new
 * version whenever the source changed, and the file's import error, or its absence.
 */
@Stateless
public class DagFileService {

    private static final Logger LOG = Logger.getLogger(DagFileService.class.getName());

    @Inject
    private DagRepository dags;

    @Inject
    private ImportErrorRepository importErrors;

    /**
     * Records a parse of {@code file}, whose content was {@code source}.
     *
     * @return the ids of the DAGs the file now defines
     */
    public List<String> parsed(String file, String source, ParseResult result) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String engine = result.engine().label();
        Optional<ParseError> error = result.error();
        if (error.isPresent()) {
            importErrors.replaceFor(file, new ImportError(file, error.get().line(), error.get().report(), now, engine));
            dags.activeInFile(file).forEach(Dag::importFailed);
            LOG.info(() -> "DAG file " + file + " has an import error (" + engine + "): " + error.get().kind() + ": "
                    + error.get().message() + (error.get().line() == null ? "" : " (line " + error.get().line() + ")"));
            return List.of();
        }
        String sourceHash = sha256(source);
        Set<String> defined = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (JsonObject json : result.dags()) {
            ParsedDag parsed = new ParsedDag(json);
            Optional<Dag> existing = dags.findByDagId(parsed.dagId());
            if (existing.isPresent() && existing.get().isActive() && !existing.get().getFileloc().equals(file)) {
                duplicates.add("Ignoring DAG " + parsed.dagId() + " from " + file + " - also found in " + existing.get().getFileloc());
                continue;
            }
            Dag dag = existing.orElseGet(() -> {
                Dag created = new Dag(parsed.dagId(), file);
                dags.add(created);
                return created;
            });
            dag.refresh(parsed, file, fileToken(file), engine, now);
            storeSerialized(dag, json.toString(), now);
            storeVersion(dag, file, source, sourceHash, now);
            defined.add(parsed.dagId());
        }
        for (Dag gone : dags.activeInFile(file)) {
            if (!defined.contains(gone.getDagId())) {
                gone.deactivate();
                LOG.info(() -> "DAG " + gone.getDagId() + " is no longer defined in " + file + " and was deactivated");
            }
        }
        if (duplicates.isEmpty()) {
            importErrors.clearFor(file);
        } else {
            importErrors.replaceFor(file, new ImportError(file, null, "AirflowDagDuplicatedIdException: "
                    + String.join("\n", duplicates), now, engine));
        }
        return List.copyOf(defined);
    }

    /** The file is gone: its DAGs become inactive and its import error disappears. */
    public void removed(String file) {
        dags.activeInFile(file).forEach(dag -> {
            dag.deactivate();
            LOG.info(() -> "DAG " + dag.getDagId() + " was deactivated: its file " + file + " is gone");
        });
        importErrors.clearFor(file);
    }

    /** Names a file in GET /dagSources/{file_token} without showing its path. */
    static String fileToken(String file) {
        return sha256(file);
    }

    private void storeSerialized(Dag dag, String data, OffsetDateTime now) {
        if (dag.getId() == null) {
            throw new IllegalStateException("DAG " + dag.getDagId() + " must be stored before its serialization");
        }
        String hash = sha256(data);
        dags.serialized(dag).ifPresentOrElse(serialized -> serialized.replace(data, hash, now),
                () -> dags.add(new SerializedDag(dag.getId(), data, hash, now)));
    }

    private void storeVersion(Dag dag, String file, String source, String sourceHash, OffsetDateTime now) {
        Optional<DagVersion> latest = dags.latestVersion(dag);
        if (latest.isPresent() && latest.get().getSourceHash().equals(sourceHash)) {
            return;
        }
        int number = latest.map(version -> version.getVersionNumber() + 1).orElse(1);
        dags.add(new DagVersion(dag, number, source, sourceHash, file, now, null, null));
        LOG.info(() -> "DAG " + dag.getDagId() + " version " + number + " stored from " + file);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
