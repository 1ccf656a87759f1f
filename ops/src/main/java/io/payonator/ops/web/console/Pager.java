package io.payonator.ops.web.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page's links to the pages before and after it: the same address with another {@code page},
 * so the search and filters the operator chose stay as they are.
 */
record Pager(long page, long pages, String previous, String next) {

    static Pager of(HttpServletRequest request, long page, long total, int size) {
        long pages = Math.max(1, (total + size - 1) / size);
        return new Pager(page, pages, page > 0 ? link(request, page - 1) : null,
                page + 1 < pages ? link(request, page + 1) : null);
    }

    private static String link(HttpServletRequest request, long page) {
        try {
            return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                    .replaceQueryParam("page", page).build(true).toUriString();
        } catch (IllegalArgumentException notEncodedAsItShouldBe) {
            return request.getRequestURI() + "?page=" + page;
        }
    }
}
