/**
 * How events and snapshots are stored: a compact binary form, with JSON written by older versions still read.
 */
package io.payonator.ops.serialization;
