package io.payonator.ops.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the ledger as a whole. */
@RestController
@Tag(name = "admin", description = "Rebuild the balance tables")
class AdminController {

    private final ServiceReplay replay;

    AdminController(ServiceReplay replay) {
        this.replay = replay;
    }

    @Operation(summary = "Rebuild the balance tables from the event store",
            description = "Answers when done, saying whether the rebuilt accounts and rejects report equal those"
                    + " before. Meanwhile reads are served from a snapshot of the tables as they were before the"
                    + " replay (header Payonator-Snapshot: pre-replay), and writes answer 503. On a node of a cluster"
                    + " the replay is the whole cluster's: every node refuses writes and serves its snapshot until it"
                    + " is done.")
    @SecurityRequirement(name = ServiceConfiguration.BEARER)
    @ApiResponse(responseCode = "200", description = "Done; see identical")
    @ApiResponse(responseCode = "401", description = "No or wrong bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "403", description = "The token's role is not admin",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "409", description = "A replay is already running, or an import runs through the"
            + " cluster; nothing was changed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "503", description = "A node of the cluster could not be paused (membership is"
            + " changing); nothing was changed, retry",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "500", description = "The replay failed; the detail says what reads and writes do now",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(path = "/admin/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    ReplayReport replay(HttpServletRequest request) throws InterruptedException {
        ReplayReport report = replay.replay();
        RequestTrail.outcome(request, "identical=" + report.identical() + " accounts=" + report.accountsAfter()
                + " millis=" + report.millis());
        return report;
    }
}
