/**
 * The command line: parses arguments, chooses the storage backend from {@code --db}, runs a job and turns
 * every failure into one line and an exit code. The only package that starts the service.
 */
package io.payonator.ops.cli;
