/**
 * Reading transaction CSV and writing the accounts and rejects CSV, strict about the format and naming the
 * file and line of every bad row.
 */
package io.payonator.ops.csv;
