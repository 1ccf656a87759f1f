/**
 * The language both sides speak: money, transaction types, rejection reasons and row origins. Plain values
 * with no behaviour beyond parsing and formatting; the messages themselves live in the subpackages.
 */
package io.payonator.api;
