/**
 * The runnable application. Its entry point hands the arguments to the command line.
 */
package io.payonator.ops;
