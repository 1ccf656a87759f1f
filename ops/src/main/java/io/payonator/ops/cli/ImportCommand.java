package io.payonator.ops.cli;

import io.payonator.ops.csv.TransactionCsvReader;
import io.payonator.ops.csv.UnreadableInputException;
import io.payonator.ops.importer.ContentId;
import io.payonator.ops.importer.ImportJob;
import io.payonator.ops.importer.ImportSource;
import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.LedgerLocation;
import io.payonator.ops.ledger.sqlite.SqliteLocation;
import io.payonator.ops.ledger.LedgerQueries;
import io.payonator.ops.ledger.ProjectionCatchUp;
import io.payonator.query.TransactionHistoryIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code payonator FILE...}: imports transaction CSVs and prints the accounts CSV. */
@Command(name = "payonator", mixinStandardHelpOptions = true, version = "payonator 0.1",
        description = "Imports transaction CSVs into a ledger and prints the accounts CSV on standard output.",
        subcommands = {AccountsCommand.class, ReplayCommand.class, ServeCommand.class, GenerateCommand.class,
                BenchCommand.class})
final class ImportCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

    private final Console console;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Transaction CSV files, fused into one stream and read concurrently; - reads standard input.")
    private List<String> files = new ArrayList<>();

    @Option(names = "--db", paramLabel = "LEDGER", converter = LedgerLocations.class,
            description = "Persistent ledger: a SQLite file (created if missing) or a PostgreSQL URL"
                    + " jdbc:postgresql://HOST:PORT/DATABASE?user=NAME; later imports append."
                    + " Default: a temporary ledger.")
    private LedgerLocation db;

    /** More threads than this only cost memory and scheduling: two cores, 65,536 clients at most. */
    static final int MAX_WORKERS = 1024;

    @Option(names = "--workers", paramLabel = "N",
            description = "Worker threads applying commands, 1.." + MAX_WORKERS + " (default: cores).")
    private int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--rejects", paramLabel = "PATH",
            description = "Write every malformed or rejected row as CSV source,line,reason to this file.")
    private Path rejects;

    @Option(names = "--progress", negatable = true, defaultValue = "${sys:payonator.progress:-false}",
            description = "Print a progress line on standard error every 5 s (default: when standard error is a terminal).")
    private boolean progress;

    private ProgressLine progressLine;

    ImportCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (files.isEmpty()) {
            console.error("no input: give one or more transaction CSV files (- for standard input), or a command;"
                    + " see --help");
            return ExitCode.USAGE;
        }
        Optional<String> usageProblem = usageProblem();
        if (usageProblem.isPresent()) {
            console.error(usageProblem.get());
            return ExitCode.USAGE;
        }
        progressLine = new ProgressLine(console.err());
        List<ImportSource> sources;
        try {
            sources = openAll();
        } catch (UnreadableInputException e) {
            console.error(e.getMessage());
            return ExitCode.UNREADABLE_INPUT;
        }
        try (Ledger ledger = Ledger.open(db == null ? SqliteLocation.temporary() : db)) {
            importAndCatchUp(ledger, sources);
            report(ledger.get(LedgerQueries.class));
            log.info(HeapReport.describe());
        } finally {
            closeAll(sources);
        }
        return ExitCode.OK;
    }

    private Optional<String> usageProblem() {
        if (workers < 1 || workers > MAX_WORKERS) {
            return Optional.of("--workers must be between 1 and " + MAX_WORKERS + ", not " + workers);
        }
        Optional<String> problem = db == null ? Optional.empty()
                : db.file().flatMap(file -> OutputPaths.problemWith(file, "--db"));
        return problem.isPresent() || rejects == null ? problem : OutputPaths.problemWith(rejects, "--rejects");
    }

    /**
     * A temporary ledger is deleted at exit and nothing in this run reads its transaction history by
     * client, so the projection fills that table without its index (see {@link TransactionHistoryIndex}).
     * A persistent ledger keeps its index: another writer may hold it, and the import must then wait
     * and retry rather than block on the index.
     */
    private void importAndCatchUp(Ledger ledger, List<ImportSource> sources) throws IOException, InterruptedException {
        if (ledger.location().isTemporary()) {
            ledger.get(TransactionHistoryIndex.class).suspend();
        }
        importAll(ledger.get(ImportJob.class), sources);
        ledger.get(ProjectionCatchUp.class).await(Timeouts.PROJECTION);
    }

    private void importAll(ImportJob job, List<ImportSource> sources) throws IOException, InterruptedException {
        ProgressLine line = progressLine;
        try (line) {
            if (progress) {
                line.start();
            }
            job.run(sources, workers, line.meter());
        }
    }

    /**
     * Every source is opened and its header checked before the ledger is touched. Files are
     * identified by their content: so that an interrupted import into a persistent ledger can
     * resume, and so that the same content given twice is read once, with or without {@code --db}.
     */
    private List<ImportSource> openAll() throws UnreadableInputException {
        List<ImportSource> sources = new ArrayList<>();
        try {
            for (String file : files) {
                String contentId = file.equals("-") ? null : contentIdOf(file);
                sources.add(new ImportSource(TransactionCsvReader.open(file, open(file)), contentId));
            }
            return sources;
        } catch (UnreadableInputException e) {
            closeAll(sources);
            throw e;
        }
    }

    private static String contentIdOf(String file) throws UnreadableInputException {
        try {
            return ContentId.of(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": no such file");
        } catch (IOException e) {
            throw new UnreadableInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private InputStream open(String file) throws UnreadableInputException {
        if (file.equals("-")) {
            return progressLine.counted(console.in(), -1);
        }
        try {
            Path path = Path.of(file);
            return progressLine.counted(Files.newInputStream(path), Files.size(path));
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": no such file");
        } catch (IOException e) {
            throw new UnreadableInputException(file + ": cannot be opened: " + e.getMessage(), e);
        }
    }

    private void report(LedgerQueries queries) throws IOException {
        Reports.printAccounts(queries.accounts(), console.out());
        if (rejects != null) {
            Reports.writeRejects(queries, rejects);
        } else {
            Reports.listRejects(queries, console.err());
        }
    }

    private void closeAll(List<ImportSource> sources) {
        for (ImportSource source : sources) {
            try {
                source.reader().close();
            } catch (IOException e) {
                console.error(source.name() + ": close failed: " + e.getMessage());
            }
        }
    }
}
