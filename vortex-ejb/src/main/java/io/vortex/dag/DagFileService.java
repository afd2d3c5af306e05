package io.vortex.dag;

import io.vortex.dag.parse.ParseError;
import io.vortex.dag.parse.ParseResult;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores what the DAG processor learned from a batch of files, in one transaction: their DAGs
 * (created, refreshed, or deactivated when a file stops defining them), the DAGs' serialized
 * form, a new version whenever a source changed, and each file's import error, or its absence.
 * Batches keep a bulk load (thousands of new files) to a few queries per batch, not per file.
 */
@Stateless
public class DagFileService {

    private static final Logger LOG = Logger.getLogger(DagFileService.class.getName());

    @Inject
    private DagRepository dags;

    @Inject
    private ImportErrorRepository importErrors;

    @Inject
    private Event<DagsStored> stored;

    @Inject
    @ConfigProperty(name = "vortex.dags.paused-at-creation", defaultValue = "true")
    private boolean pausedAtCreation;

    public void store(List<DagFileOutcome> batch) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> files = batch.stream().map(DagFileOutcome::file).toList();
        importErrors.clearFor(files);
        Map<String, List<Dag>> activeByFile = dags.activeInFiles(files);
        List<DagsStored.Changed> changed = new ArrayList<>();
        Map<String, Dag> byDagId = dags.findByDagIds(batch.stream()
                .flatMap(outcome -> outcome.result().stream())
                .flatMap(result -> result.dags().stream())
                .map(json -> json.getString("dag_id"))
                .toList());
        for (DagFileOutcome outcome : batch) {
            List<Dag> previously = activeByFile.getOrDefault(outcome.file(), List.of());
            if (outcome.result().isEmpty()) {
                previously.forEach(dag -> {
                    dag.deactivate();
                    LOG.info(() -> "DAG " + dag.getDagId() + " was deactivated: its file " + outcome.file() + " is gone");
                });
                continue;
            }
            ParseResult result = outcome.result().get();
            Optional<ParseError> error = result.error();
            if (error.isPresent()) {
                recordError(outcome.file(), error.get(), result, now);
                previously.forEach(Dag::importFailed);
                continue;
            }
            Set<String> defined = storeDags(outcome.file(), outcome.source().orElseThrow(), result, byDagId, now, changed);
            for (Dag gone : previously) {
                if (!defined.contains(gone.getDagId())) {
                    gone.deactivate();
                    LOG.info(() -> "DAG " + gone.getDagId() + " is no longer defined in " + outcome.file() + " and was deactivated");
                }
            }
        }
        if (!changed.isEmpty()) {
            stored.fire(new DagsStored(changed));
        }
    }

    /** Stores a successfully parsed file's DAGs; returns the ids it now defines. */
    private Set<String> storeDags(String file, DagFileOutcome.Source source, ParseResult result, Map<String, Dag> byDagId,
                                  OffsetDateTime now, List<DagsStored.Changed> changed) {
        String engine = result.engine().label();
        Set<String> defined = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (int index = 0; index < result.dags().size(); index++) {
            ParsedDag parsed = new ParsedDag(result.dags().get(index));
            Dag existing = byDagId.get(parsed.dagId());
            if (existing != null && existing.isActive() && !existing.getFileloc().equals(file)) {
                duplicates.add("Ignoring DAG " + parsed.dagId() + " from " + file + " - also found in " + existing.getFileloc());
                continue;
            }
            boolean isNew = existing == null;
            Dag dag = isNew ? new Dag(parsed.dagId(), file) : existing;
            if (isNew) {
                dags.add(dag);
                byDagId.put(parsed.dagId(), dag);
            }
            dag.refresh(parsed, file, fileToken(file), engine, now, pausedAtCreation);
            if (storeSerialized(dag, isNew, result.dagTexts().get(index), now)) {
                changed.add(new DagsStored.Changed(dag, parsed, isNew));
            }
            storeVersion(dag, isNew, file, source, now);
            defined.add(parsed.dagId());
        }
        if (!duplicates.isEmpty()) {
            importErrors.add(new ImportError(file, null, "AirflowDagDuplicatedIdException: " + String.join("\n", duplicates), now, engine));
        }
        return defined;
    }

    private void recordError(String file, ParseError error, ParseResult result, OffsetDateTime now) {
        importErrors.add(new ImportError(file, error.line(), error.report(), now, result.engine().label()));
        LOG.info(() -> "DAG file " + file + " has an import error (" + result.engine().label() + "): " + error.kind() + ": "
                + error.message() + (error.line() == null ? "" : " (line " + error.line() + ")"));
    }

    /** What {@link DagRepository#latestSourceHashes()} says. */
    public Map<String, String> storedSourceHashes() {
        return dags.latestSourceHashes();
    }

    /** Names a file in GET /dagSources/{file_token} without showing its path. */
    static String fileToken(String file) {
        return sha256(file);
    }

    /** Stores the DAG's serialized form; whether it differs from what was stored before. */
    private boolean storeSerialized(Dag dag, boolean isNew, String data, OffsetDateTime now) {
        String hash = sha256(data);
        Optional<SerializedDag> previous = isNew ? Optional.empty() : dags.serialized(dag);
        if (previous.isEmpty()) {
            dags.add(new SerializedDag(dag.getId(), data, hash, now));
            return true;
        }
        return previous.get().replace(data, hash, now);
    }

    private void storeVersion(Dag dag, boolean isNew, String file, DagFileOutcome.Source source, OffsetDateTime now) {
        Optional<DagVersion> latest = isNew ? Optional.empty() : dags.latestVersion(dag);
        if (latest.isPresent() && latest.get().getSourceHash().equals(source.hash())) {
            return;
        }
        int number = latest.map(version -> version.getVersionNumber() + 1).orElse(1);
        dags.add(new DagVersion(dag, number, source.text(), source.hash(), file, now, null, null));
        if (number > 1) {
            LOG.info(() -> "DAG " + dag.getDagId() + " version " + number + " stored from " + file);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
