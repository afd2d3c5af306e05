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
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Airflow's DAG file processor: keeps the metadatabase in step with the DAG folder (and the
 * example DAGs when {@code vortex.load.examples} is on). A watcher thread notices changes as the
 * file system reports them and a full scan every {@code vortex.dags.rescan-interval-sec} catches
 * anything missed; each scan parses, in parallel on the {@code vortex-parsing} executor, only the
 * files whose content changed since this server last parsed them, and forgets files that are gone.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DagFileProcessor {

    private static final Logger LOG = Logger.getLogger(DagFileProcessor.class.getName());
    /** Files written in several steps settle within this; waiting avoids parsing half a file. */
    private static final long SETTLE_MILLIS = 100;

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

    /** Scans every folder now and waits until the changed files are stored; for tests and the CLI. */
    public ScanSummary scanNow() {
        return scan();
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

    private synchronized ScanSummary scan() {
        long start = System.nanoTime();
        Set<Path> present = new HashSet<>();
        List<Future<Boolean>> parses = new ArrayList<>();
        for (DagFolder folder : folders) {
            for (Path file : folder.files()) {
                present.add(file);
                FileState state = known.get(file);
                Optional<BasicFileAttributes> attributes = attributesOf(file);
                if (attributes.isEmpty() || (state != null && state.sameAs(attributes.get()))) {
                    continue;
                }
                parses.add(parsingExecutor.submit(() -> process(file, folder, attributes.get())));
            }
        }
        int parsed = 0;
        for (Future<Boolean> parse : parses) {
            try {
                parsed += parse.get() ? 1 : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.log(Level.WARNING, "Storing a parsed DAG file failed; it is parsed again at the next scan", e.getCause());
            }
        }
        int removed = 0;
        for (Path gone : new ArrayList<>(known.keySet())) {
            if (!present.contains(gone)) {
                files.removed(gone.toString());
                known.remove(gone);
                removed++;
            }
        }
        return new ScanSummary(present.size(), parsed, removed, (System.nanoTime() - start) / 1_000_000);
    }

    /** Parses and stores one file if its content changed; false when it did not. */
    private boolean process(Path file, DagFolder folder, BasicFileAttributes attributes) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            content = null;
        } catch (IOException e) {
            LOG.log(Level.FINE, "DAG file " + file + " could not be read; it is tried again at the next scan", e);
            return false;
        }
        String hash = content == null ? "unreadable" : DagFileService.sha256(content);
        FileState state = known.get(file);
        if (state != null && state.hash().equals(hash)) {
            known.put(file, new FileState(attributes, hash));
            return false;
        }
        if (content == null || !DagFolder.mightContainDag(file, content)) {
            files.removed(file.toString());
        } else {
            ParseResult result = parsing.parse(file, content, folder.root());
            files.parsed(file.toString(), content, result);
        }
        known.put(file, new FileState(attributes, hash));
        return true;
    }

    private static Optional<BasicFileAttributes> attributesOf(Path file) {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private record FileState(long size, long modifiedMillis, String hash) {

        FileState(BasicFileAttributes attributes, String hash) {
            this(attributes.size(), attributes.lastModifiedTime().toMillis(), hash);
        }

        boolean sameAs(BasicFileAttributes attributes) {
            return size == attributes.size() && modifiedMillis == attributes.lastModifiedTime().toMillis();
        }
    }

    /** What one scan did. */
    public record ScanSummary(int files, int parsed, int removed, long millis) {

        String sentence() {
            return "DAG folder scan: " + files + " files, " + parsed + " parsed, " + removed + " removed, in " + millis + " ms";
        }
    }
}
