package io.payonator.ops.cli;

import io.payonator.ops.cluster.ClusterSettings;
import io.payonator.ops.csv.TransactionCsvReader;
import io.payonator.ops.csv.UnreadableInputException;
import io.payonator.ops.importer.ContentId;
import io.payonator.ops.importer.ImportJob;
import io.payonator.ops.importer.ImportSource;
import io.payonator.ops.importer.ImportStop;
import io.payonator.ops.importer.ImportSummary;
import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.LedgerLocation;
import io.payonator.ops.ledger.LedgerQueries;
import io.payonator.ops.ledger.ProjectionCatchUp;
import io.payonator.ops.ledger.sqlite.SqliteLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code payonator FILE...}: imports transaction CSVs and prints the accounts CSV. */
@Command(name = "payonator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Imports transaction CSVs into a ledger and prints the accounts CSV.",
                "Imports the files into a ledger and prints the accounts CSV on standard output. Rows this run"
                        + " rejected are listed on standard error, with their reasons (the first "
                        + ImportReport.LISTED + "; all with --verbose), then a summary line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success, also when rows were rejected", "1:the run failed (the message says where)",
                "2:bad usage, or an output that cannot be written", "3:an unreadable input; nothing is changed",
                "4:replay found different balances", "130, 143:interrupted (Ctrl-C, SIGTERM); run again to resume"},
        subcommands = {AccountsCommand.class, ReplayCommand.class, ServeCommand.class, GenerateCommand.class,
                BenchCommand.class, CompletionCommand.class})
final class ImportCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

    /** More threads than this only cost memory and scheduling: two cores, 65,536 clients at most. */
    static final int MAX_WORKERS = 1024;

    private final Console console;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerbosityOptions verbosity;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Transaction CSV files, fused into one stream and read concurrently; - reads standard input.")
    private List<String> files = new ArrayList<>();

    @Option(names = "--db", paramLabel = "LEDGER", converter = LedgerLocations.class,
            description = "Persistent ledger: a SQLite file (created if missing) or a PostgreSQL URL"
                    + " jdbc:postgresql://HOST:PORT/DATABASE?user=NAME; later imports append."
                    + " Default: a temporary ledger.")
    private LedgerLocation db;

    @Option(names = "--workers", paramLabel = "N",
            description = "Worker threads applying commands, 1.." + MAX_WORKERS + " (default: cores).")
    private int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the accounts CSV to this file instead of standard output.")
    private String output;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write the rejects report of the whole ledger (source,line,reason,detail) to this file;"
                    + " - writes it to standard output, when --output sends the accounts to a file.")
    private String rejects;

    @Option(names = "--progress", negatable = true, defaultValue = "${sys:payonator.progress:-false}",
            description = "Print a progress line on standard error every 5 s (default: when standard error is a terminal).")
    private boolean progress;

    @Mixin
    private ClusterOptions cluster;

    private ProgressLine progressLine;

    ImportCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        checkUsage();
        ClusterSettings member = clusterSettings();
        progressLine = new ProgressLine(console.err());
        List<ImportSource> sources;
        try {
            sources = openAll();
        } catch (UnreadableInputException e) {
            console.error(e.getMessage());
            console.trace(e);
            return ExitCode.UNREADABLE_INPUT;
        }
        try (Interruption interruption = Interruption.arm()) {
            return importAndReport(sources, member, interruption, start);
        } finally {
            closeAll(sources);
        }
    }

    private int importAndReport(List<ImportSource> sources, ClusterSettings member, Interruption interruption,
                                long start) throws IOException, InterruptedException {
        ImportSummary summary;
        try (Ledger ledger = open(member)) {
            long lastEventBefore = ledger.get(ProjectionCatchUp.class).head().orElse(-1);
            summary = importAll(ledger, sources, interruption.stop());
            if (!summary.stopped()) {
                interruption.importOver(() -> console.error(interruptedAfterImport()));
                ledger.get(ProjectionCatchUp.class).await(Timeouts.PROJECTION);
                LedgerQueries queries = ledger.get(LedgerQueries.class);
                writeReports(queries);
                new ImportReport(console, queries, lastEventBefore, rejectsTarget())
                        .print(summary, files, System.nanoTime() - start);
                if (log.isDebugEnabled()) {
                    // the management beans it reads are slow to start: only when the line is logged
                    log.debug(HeapReport.describe());
                }
                return ExitCode.OK;
            }
        }
        // said once the ledger is closed: a temporary one is gone by now
        console.error(interrupted(summary));
        return ExitCode.INTERRUPTED;
    }

    /**
     * The ledger; with {@code --cluster}, as a member of the cluster that serves it: the rows go
     * to their clients' owners, and this process owns no client and runs no projection.
     */
    private Ledger open(ClusterSettings member) throws IOException {
        if (member == null) {
            return Ledger.open(db == null ? SqliteLocation.temporary() : db);
        }
        return Ledger.openInCluster(db, ClusterSettings.name(member.bind()), member.properties());
    }

    /** This process's place in the cluster that serves the ledger, or {@code null}. */
    private ClusterSettings clusterSettings() {
        ClusterSettings member;
        try {
            member = cluster.settings(db);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
        if (member != null && files.contains("-")) {
            // a part sent again must be recognised by its source's content, which standard input lacks
            throw usageError("--cluster imports files only: standard input (-) cannot be resumed");
        }
        return member;
    }

    /** Usage errors, found before anything is read or stored. */
    private void checkUsage() {
        if (files.isEmpty()) {
            throw usageError("no input: give one or more transaction CSV files (- for standard input), or a command");
        }
        if (workers < 1 || workers > MAX_WORKERS) {
            throw usageError("--workers must be between 1 and " + MAX_WORKERS + ", not " + workers);
        }
        if (rejectsTarget().toStandardOutput() && outputFile().isEmpty()) {
            throw usageError("--rejects - writes the rejects report to standard output, which carries the accounts:"
                    + " give --output FILE for them");
        }
        Map<Path, String> outputs = new HashMap<>();
        if (db != null) {
            db.file().ifPresent(file -> checkWritable(file, "--db", outputs));
            db.notALedger().ifPresent(why -> {
                throw usageError("--db " + db + ": " + why);
            });
        }
        outputFile().ifPresent(file -> checkWritable(file, "--output", outputs));
        if (rejectsTarget().requested() && !rejectsTarget().toStandardOutput()) {
            checkWritable(rejectsTarget().file(), "--rejects", outputs);
        }
    }

    private void checkWritable(Path file, String option, Map<Path, String> outputs) {
        OutputPaths.problemWith(file, option).ifPresent(problem -> {
            throw usageError(problem);
        });
        String other = outputs.putIfAbsent(file.toAbsolutePath().normalize(), option);
        if (other != null) {
            throw usageError(other + " and " + option + " name the same file, " + file);
        }
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private Optional<Path> outputFile() {
        return output == null || output.equals("-") ? Optional.empty() : Optional.of(Path.of(output));
    }

    private RejectsTarget rejectsTarget() {
        return new RejectsTarget(rejects);
    }

    private ImportSummary importAll(Ledger ledger, List<ImportSource> sources, ImportStop stop)
            throws IOException, InterruptedException {
        ProgressLine line = progressLine;
        try (line) {
            if (progress && console.verbosity() != Verbosity.QUIET) {
                line.start();
            }
            return ledger.get(ImportJob.class).run(sources, workers, line.meter(), stop);
        }
    }

    private void writeReports(LedgerQueries queries) throws IOException {
        Optional<Path> accountsFile = outputFile();
        if (accountsFile.isPresent()) {
            Reports.writeAccounts(queries.accounts(), accountsFile.get());
        } else {
            Reports.printAccounts(queries.accounts(), console.out());
        }
        RejectsTarget target = rejectsTarget();
        if (target.toStandardOutput()) {
            Reports.printRejects(queries, console.out());
        } else if (target.requested()) {
            Reports.writeRejects(queries, target.file());
        }
    }

    /** How far a stopped import got, and what running it again does. */
    private String interrupted(ImportSummary summary) {
        if (summary.rows() == 0) {
            return "interrupted before any row was read; nothing was stored";
        }
        String after = "interrupted after " + lastLines(summary);
        if (db == null) {
            return after + "; nothing was kept (no --db): run the command again, with --db PATH to make it resumable";
        }
        if (files.contains("-")) {
            return after + ", every row up to there stored in " + db + "; standard input cannot resume: import the"
                    + " rest of it as a file";
        }
        return after + ", every row up to there stored in " + db + "; run the same command again to resume";
    }

    private String interruptedAfterImport() {
        return db == null ? "interrupted before the accounts were printed; nothing was kept (no --db)"
                : "interrupted after every row was stored in " + db + "; 'payonator accounts --db " + db
                + "' prints the accounts";
    }

    private static String lastLines(ImportSummary summary) {
        if (summary.lastLines().size() == 1) {
            Map.Entry<String, Long> only = summary.lastLines().entrySet().iterator().next();
            return "line " + only.getValue() + " of " + ImportReport.describe(only.getKey());
        }
        List<String> each = new ArrayList<>();
        summary.lastLines().forEach((source, line) -> each.add(ImportReport.describe(source) + " line " + line));
        return String.join(", ", each);
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
