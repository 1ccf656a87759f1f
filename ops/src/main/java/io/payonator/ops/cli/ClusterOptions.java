package io.payonator.ops.cli;

import io.payonator.ops.cluster.ClusterSettings;
import io.payonator.ops.ledger.LedgerLocation;
import io.payonator.ops.ledger.postgres.PostgresLocation;
import picocli.CommandLine.Option;

/** {@code --cluster}, {@code --cluster-bind} and the members' secret: who serves and who imports in a cluster. */
final class ClusterOptions {

    @Option(names = "--cluster", paramLabel = "HOST:PORT,...",
            description = "Take part in a cluster (PostgreSQL ledgers only): every member's cluster address, this"
                    + " process's included. Cluster traffic is TCP to exactly these addresses. Needs --cluster-bind"
                    + " and the members' secret (--cluster-secret or " + ClusterSettings.SECRET_VARIABLE + ").")
    private String members;

    @Option(names = "--cluster-bind", paramLabel = "HOST:PORT",
            description = "This process's own address among the --cluster members.")
    private String bind;

    @Option(names = "--cluster-secret", paramLabel = "SECRET",
            defaultValue = "${env:" + ClusterSettings.SECRET_VARIABLE + "}",
            description = "The members' shared secret, 16 characters or more (default: the environment variable "
                    + ClusterSettings.SECRET_VARIABLE + ", which keeps it out of the process list). A process"
                    + " without it cannot join.")
    private String secret;

    /**
     * This process's place in its cluster, or {@code null} when it takes part in none. The secret is
     * never echoed.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    ClusterSettings settings(LedgerLocation db) {
        if (members == null) {
            if (bind != null) {
                throw new IllegalArgumentException("--cluster-bind goes with --cluster: give the members' addresses"
                        + " too");
            }
            return null;
        }
        if (db == null || !PostgresLocation.BACKEND.equals(db.backend())) {
            throw new IllegalArgumentException("--cluster needs a PostgreSQL ledger (--db jdbc:postgresql://HOST:PORT"
                    + "/DATABASE?user=NAME): a " + (db == null ? "temporary" : db.backend()) + " ledger is written by"
                    + " one process only");
        }
        if (bind == null) {
            throw new IllegalArgumentException("--cluster needs --cluster-bind HOST:PORT, this process's own address"
                    + " among the members");
        }
        return ClusterSettings.parse(members, bind, secret);
    }
}
