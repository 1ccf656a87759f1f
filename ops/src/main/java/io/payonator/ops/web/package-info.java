/**
 * The HTTP service: transactions in, balances, history and rejections out, health, metrics and the admin
 * replay.
 */
package io.payonator.ops.web;
