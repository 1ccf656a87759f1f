package io.payonator.ops.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Marks reads answered while a replay runs: they come from the snapshot of the tables taken before
 * it (the balances every event gave, and writes wait for the replay, so they are current), not
 * from the tables being rebuilt.
 */
final class SnapshotHeader implements HandlerInterceptor {

    private final ServiceReplay replay;

    SnapshotHeader(ServiceReplay replay) {
        this.replay = replay;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (HttpMethod.GET.matches(request.getMethod()) && replay.servingSnapshot()) {
            response.setHeader(ServiceReplay.SNAPSHOT_HEADER, ServiceReplay.SNAPSHOT_VALUE);
        }
        return true;
    }
}
