package io.payonator.ops.web;

import io.payonator.ops.cluster.ClientRequest;

/**
 * One JSON transaction on its way to its client's owner: the fields as the client sent them
 * (the owner validates them as it always does) and the name of the request's source.
 */
record OwnerRequest(int client, String type, String clientField, String tx, String amount, String source)
        implements ClientRequest {
}
