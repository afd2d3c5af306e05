package io.vortex.dag;

import io.vortex.dag.parse.DagParsing;
import io.vortex.dag.parse.ParseResult;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Airflow's DAG file processor: keeps the metadatabase in step with the DAG folder (and the
 * example DAGs when {@code vortex.load.examples} is on). A watcher thread notices changes as the
 * file system reports them and a full scan every {@code vortex.dags.rescan-interval-sec} catches
 * anything missed; each scan parses, in parallel on the {@code vortex-parsing} executor, only the
 * files whose content changed since they were last parsed (here, or before this server started),
 * and forgets files that are gone.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DagFileProcessor {

    private static final Logger LOG = Logger.getLogger(DagFileProcessor.class.getName());
    /** Files written in several steps settle within this; waiting avoids parsing half a file. */
    private static final long SETTLE_MILLIS = 100;
    /** Most files parsed and stored per transaction when many change at once. */
    private static final int BATCH_SIZE = 200;

    @Resource
    private ManagedThreadFactory threads;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/vortex-parsing")
    private ManagedExecutorService parsingExecutor;

    @Inject
    private DagParsing parsing;

    @Inject
    private DagFileService files;

    @Inject
    @ConfigProperty(name = "vortex.dags.folder")
    private Optional<String> dagsFolder;

    @Inject
    @ConfigProperty(name = "vortex.load.examples", defaultValue = "false")
    private boolean loadExamples;

    @Inject
    @ConfigProperty(name = "vortex.examples.folder")
    private Optional<String> examplesFolder;

    @Inject
    @ConfigProperty(name = "vortex.dags.rescan-interval-sec", defaultValue = "30")
    private long rescanSeconds;

    /** What this server last parsed of each file: its size, modification time and content hash. */
    private final Map<Path, FileState> known = new ConcurrentHashMap<>();
    private final List<DagFolder> folders = new ArrayList<>();
    private volatile WatchService watcher;
    private volatile boolean stopping;
    private Thread loop;

    @PostConstruct
    void start() {
        dagsFolder.map(Path::of).map(DagFolder::new).ifPresent(folders::add);
        if (loadExamples) {
            examplesFolder.map(Path::of).map(DagFolder::new).ifPresent(folders::add);
        }
        if (folders.isEmpty()) {
            LOG.warning("No DAG folder is configured (vortex.dags.folder / VORTEX_DAGS_FOLDER); no DAG files are read");
            return;
        }
        files.storedSourceHashes().forEach((file, hash) -> known.put(Path.of(file), FileState.storedBefore(hash)));
        loop = threads.newThread(this::watchAndScan);
        loop.setName("vortex-dag-processor");
        loop.start();
        LOG.info(() -> "DAG processor watching " + folders.stream().map(folder -> folder.root().toString()).toList());
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "Closing the DAG folder watcher failed", e);
            }
        }
        if (loop != null) {
            loop.interrupt();
        }
    }

    private void watchAndScan() {
        try (WatchService service = FileSystems.getDefault().newWatchService()) {
            watcher = service;
            Set<Path> watched = new HashSet<>();
            while (!stopping) {
                watchDirectories(service, watched);
                ScanSummary summary = scan();
                if (summary.parsed() > 0 || summary.removed() > 0) {
                    LOG.info(summary::sentence);
                }
                WatchKey key = service.poll(rescanSeconds, TimeUnit.SECONDS);
                if (key != null) {
                    Thread.sleep(SETTLE_MILLIS);
                    drain(key, service);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!stopping) {
                LOG.log(Level.SEVERE, "The DAG processor stopped; DAG files are no longer read until a restart", e);
            }
        }
    }

    private static void drain(WatchKey first, WatchService service) {
        for (WatchKey key = first; key != null; key = service.poll()) {
            key.pollEvents();
            key.reset();
        }
    }

    private void watchDirectories(WatchService service, Set<Path> watched) throws IOException {
        for (DagFolder folder : folders) {
            if (!Files.isDirectory(folder.root())) {
                continue;
            }
            try (var directories = Files.walk(folder.root())) {
                for (Path directory : directories.filter(Files::isDirectory).toList()) {
                    if (watched.add(directory)) {
                        directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                                StandardWatchEventKinds.ENTRY_DELETE);
                    }
                }
            }
        }
    }

    private ScanSummary scan() {
        long start = System.nanoTime();
        Set<Path> present = new HashSet<>();
        List<Changed> changed = new ArrayList<>();
        for (DagFolder folder : folders) {
            for (Path file : folder.files()) {
                present.add(file);
                FileState state = known.get(file);
                Optional<BasicFileAttributes> attributes = attributesOf(file);
                if (attributes.isPresent() && (state == null || !state.sameAs(attributes.get()))) {
                    changed.add(new Changed(file, folder, attributes.get()));
                }
            }
        }
        ChunkTimes times = new ChunkTimes();
        int parsed = parseAndStore(changed, times);
        List<Path> gone = known.keySet().stream().filter(file -> !present.contains(file)).toList();
        if (!gone.isEmpty()) {
            files.store(gone.stream().map(file -> DagFileOutcome.gone(file.toString())).toList());
            gone.forEach(known::remove);
        }
        return new ScanSummary(present.size(), parsed, gone.size(), (System.nanoTime() - start) / 1_000_000,
                times.parseNanos.sum() / 1_000_000, times.storeNanos.sum() / 1_000_000);
    }

    /**
     * Splits the changed files into chunks, one per parsing thread up to {@link #BATCH_SIZE}
     * files, and has each thread parse a chunk and store it in one transaction. Parsing and
     * storing so overlap across threads, and a bulk load holds at most a chunk per thread in
     * memory, however fast the engine parses.
     */
    private int parseAndStore(List<Changed> changed, ChunkTimes times) {
        if (changed.isEmpty()) {
            return 0;
        }
        int threads = Math.max(1, parsing.workers());
        int chunkSize = Math.min(BATCH_SIZE, (changed.size() + threads - 1) / threads);
        List<Future<Integer>> chunks = new ArrayList<>();
        for (int from = 0; from < changed.size(); from += chunkSize) {
            List<Changed> chunk = changed.subList(from, Math.min(changed.size(), from + chunkSize));
            chunks.add(parsingExecutor.submit(() -> store(parseAll(chunk, times), times)));
        }
        int stored = 0;
        for (Future<Integer> chunk : chunks) {
            stored += await(chunk);
        }
        return stored;
    }

    private List<Parsed> parseAll(List<Changed> chunk, ChunkTimes times) {
        long start = System.nanoTime();
        List<Parsed> parsed = new ArrayList<>(chunk.size());
        for (Changed file : chunk) {
            try {
                parse(file).ifPresent(parsed::add);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Parsing " + file.path() + " failed; it is parsed again at the next scan", e);
            }
        }
        times.parseNanos.add(System.nanoTime() - start);
        return parsed;
    }

    /**
     * Stores a chunk in one transaction and remembers its files as parsed; when the transaction
     * fails, each file is stored on its own, so one bad file cannot hold the others back.
     */
    private int store(List<Parsed> batch, ChunkTimes times) {
        if (batch.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        try {
            files.store(batch.stream().map(Parsed::outcome).toList());
            batch.forEach(each -> known.put(each.path(), each.state()));
            return batch.size();
        } catch (RuntimeException batchFailed) {
            int stored = 0;
            for (Parsed each : batch) {
                try {
                    files.store(List.of(each.outcome()));
                    known.put(each.path(), each.state());
                    stored++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Storing what " + each.path() + " defines failed; it is parsed again at the next scan", e);
                }
            }
            return stored;
        } finally {
            times.storeNanos.add(System.nanoTime() - start);
        }
    }

    /**
     * Parses one file whose size or time changed; empty when its content is what this server
     * parsed last.
     */
    private Optional<Parsed> parse(Changed changed) {
        Path file = changed.path();
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            content = null;
        } catch (IOException e) {
            LOG.log(Level.FINE, "DAG file " + file + " could not be read; it is tried again at the next scan", e);
            return Optional.empty();
        }
        String hash = content == null ? "unreadable" : DagFileService.sha256(content);
        FileState state = new FileState(changed.attributes(), hash);
        FileState previous = known.get(file);
        if (previous != null && previous.hash().equals(hash)) {
            known.put(file, state);
            return Optional.empty();
        }
        if (content == null || !DagFolder.mightContainDag(file, content)) {
            return Optional.of(new Parsed(file, state, DagFileOutcome.gone(file.toString())));
        }
        ParseResult result = parsing.parse(file, content, changed.folder().root());
        return Optional.of(new Parsed(file, state, DagFileOutcome.parsed(file.toString(), new DagFileOutcome.Source(content, hash), result)));
    }

    private static int await(Future<Integer> chunk) {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing DAG files", e);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Parsing a chunk of DAG files failed; they are parsed again at the next scan", e.getCause());
            return 0;
        }
    }

    private static Optional<BasicFileAttributes> attributesOf(Path file) {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A file whose size or modification time differs from when it was last parsed. */
    private record Changed(Path path, DagFolder folder, BasicFileAttributes attributes) {
    }

    /** Thread time the chunks of one scan spent parsing and storing. */
    private static final class ChunkTimes {
        final LongAdder parseNanos = new LongAdder();
        final LongAdder storeNanos = new LongAdder();
    }

    /** A file parsed in this scan, waiting to be stored. */
    private record Parsed(Path path, FileState state, DagFileOutcome outcome) {
    }

    private record FileState(long size, long modifiedMillis, String hash) {

        FileState(BasicFileAttributes attributes, String hash) {
            this(attributes.size(), attributes.lastModifiedTime().toMillis(), hash);
        }

        /** A file parsed before this server started: its content is read and hashed once more, not parsed. */
        static FileState storedBefore(String hash) {
            return new FileState(-1, -1, hash);
        }

        boolean sameAs(BasicFileAttributes attributes) {
            return size == attributes.size() && modifiedMillis == attributes.lastModifiedTime().toMillis();
        }
    }

    /** What one scan did. */
    private record ScanSummary(int files, int parsed, int removed, long millis, long parseMillis, long storeMillis) {

        String sentence() {
            return "DAG folder scan: " + files + " files, " + parsed + " parsed, " + removed + " removed, in " + millis
                    + " ms (threads spent " + parseMillis + " ms parsing and " + storeMillis + " ms storing)";
        }
    }
}
