/**
 * The crash-safe CSV import: chunks of rows sent to client workers, each chunk stored with its resume point,
 * and the skip of a file already imported.
 */
package io.payonator.ops.importer;
