// The console's only script: keeps each page's live part current, and sends the replay with the
// typed token. Every table is complete without it.
(function () {
    "use strict";
    var LIVE_HEADER = "X-Console-Live";
    var PERIOD_MILLIS = 1000;

    // Polls the page's own address for its live part and swaps it in when it changed; not while
    // the operator's focus is inside it, which a swap would lose.
    function follow(live) {
        var last = live.innerHTML;
        function poll() {
            var headers = {};
            headers[LIVE_HEADER] = "1";
            fetch(window.location.href, {headers: headers, credentials: "same-origin", cache: "no-store"})
                .then(function (response) { return response.ok ? response.text() : null; })
                .then(function (html) {
                    if (html === null || live.contains(document.activeElement)) { return; }
                    var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("live");
                    if (fresh && fresh.innerHTML !== last) {
                        live.innerHTML = fresh.innerHTML;
                        last = fresh.innerHTML;
                    }
                })
                .catch(function () { /* the next poll tries again */ })
                .finally(function () { window.setTimeout(poll, PERIOD_MILLIS); });
        }
        window.setTimeout(poll, PERIOD_MILLIS);
    }

    // The replay authenticates with the token typed, never with the session: credentials omitted.
    function replay(form) {
        var report = document.getElementById("replay-report");
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var token = form.elements.token.value;
            report.textContent = "Replaying…";
            var headers = {"Accept": "application/json"};
            if (token) { headers["Authorization"] = "Bearer " + token; }
            fetch(form.action, {method: "POST", headers: headers, credentials: "omit"})
                .then(function (response) {
                    return response.text().then(function (body) {
                        var text;
                        try { text = JSON.stringify(JSON.parse(body), null, 2); } catch (e) { text = body; }
                        report.textContent = (response.ok ? "Done (" : "Refused (") + response.status + ")\n" + text;
                        report.dataset.status = String(response.status);
                    });
                })
                .catch(function (e) { report.textContent = "Failed: " + e; });
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        var live = document.getElementById("live");
        if (live) { follow(live); }
        var form = document.getElementById("replay");
        if (form) { replay(form); }
    });
})();
