/**
 * Commands the command side accepts, one per row type, each addressed to the {@code Client} aggregate it
 * changes, and the outcome a command reports back.
 */
package io.payonator.api.command;
