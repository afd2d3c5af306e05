package io.vortex.dag.parse;

import io.vortex.dag.parse.FactorySpecs.SpecSyntaxException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured parsing engine ({@code vortex.dags.parser}: auto, jython or cpython) and the
 * choice between Python DAG files and dag_factory specs. Interpreters and processes start on
 * first use and live until the application stops.
 */
@ApplicationScoped
public class DagParsing {

    private static final Logger LOG = Logger.getLogger(DagParsing.class.getName());

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "vortex.dags.parser", defaultValue = "auto")
    private String engineName;

    @Inject
    @ConfigProperty(name = "vortex.dags.python", defaultValue = "python3")
    private String python;

    @Inject
    @ConfigProperty(name = "vortex.parser.threads", defaultValue = "2")
    private int poolSize;

    @Inject
    @ConfigProperty(name = "vortex.dags.parse-timeout-sec", defaultValue = "30")
    private long timeoutSeconds;

    private DagFileParser parser;

    @PostConstruct
    void startEngines() {
        Engine engine;
        try {
            engine = Engine.valueOf(engineName.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("vortex.dags.parser must be auto, jython or cpython, not '" + engineName + "'", e);
        }
        String temp = System.getProperty("jboss.server.temp.dir", System.getProperty("java.io.tmpdir"));
        PythonShim shim = PythonShim.unpackInto(Path.of(temp, "vortex-python"));
        parser = switch (engine) {
            case JYTHON -> WorkerPool.jython(shim, poolSize, threads);
            case CPYTHON -> WorkerPool.cpython(python, shim, poolSize, threads);
            case AUTO -> new AutoParser(WorkerPool.jython(shim, poolSize, threads), WorkerPool.cpython(python, shim, poolSize, threads));
        };
        LOG.info(() -> "DAG files are parsed with the " + engine.label() + " engine (" + poolSize + " workers, timeout "
                + timeoutSeconds + " s)");
    }

    @PreDestroy
    void stopEngines() {
        parser.close();
    }

    /** How many files the engine parses at once. */
    public int workers() {
        return poolSize;
    }

    /** Runs one file of the DAG folder: Python through the engine, YAML and JSON as dag_factory specs. */
    public ParseResult parse(Path file, String content, Path dagsFolder) {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        if (!FactorySpecs.isSpec(file.getFileName().toString())) {
            return parser.parseFile(file, dagsFolder, timeout);
        }
        String spec;
        try {
            spec = FactorySpecs.toJson(file.getFileName().toString(), content);
        } catch (SpecSyntaxException e) {
            return ParseResult.failed(new ParseError("SpecSyntaxError", e.getMessage(), e.getLine(), null), parser.engine(), 0);
        }
        return parser.parseSpec(spec, file, timeout);
    }
}
