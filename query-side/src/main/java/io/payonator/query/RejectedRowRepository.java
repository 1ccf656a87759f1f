package io.payonator.query;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

interface RejectedRowRepository extends JpaRepository<RejectedRowEntry, Long> {

    @Query(value = "SELECT * FROM rejected_row ORDER BY source, line, id LIMIT :limit", nativeQuery = true)
    List<RejectedRowEntry> firstPage(@Param("limit") int limit);

    /** Keyset paging: constant cost per page however deep into the report. */
    @Query(value = "SELECT * FROM rejected_row WHERE (source, line, id) > (:source, :line, :id)"
            + " ORDER BY source, line, id LIMIT :limit", nativeQuery = true)
    List<RejectedRowEntry> pageAfter(@Param("source") String source, @Param("line") long line, @Param("id") long id,
                                     @Param("limit") int limit);

    /** The rows reported after event {@code afterEvent}: SQLite reads them by id, then sorts only the page. */
    @Query(value = "SELECT * FROM rejected_row WHERE id > :afterEvent ORDER BY source, line, id LIMIT :limit",
            nativeQuery = true)
    List<RejectedRowEntry> firstPageAfterEvent(@Param("afterEvent") long afterEvent, @Param("limit") int limit);

    @Query(value = "SELECT * FROM rejected_row WHERE id > :afterEvent AND (source, line, id) > (:source, :line, :id)"
            + " ORDER BY source, line, id LIMIT :limit", nativeQuery = true)
    List<RejectedRowEntry> pageAfterEvent(@Param("afterEvent") long afterEvent, @Param("source") String source,
                                          @Param("line") long line, @Param("id") long id, @Param("limit") int limit);

    /** {@code reason, count} rows. */
    @Query(value = "SELECT reason, count(*) FROM rejected_row WHERE id > :afterEvent GROUP BY reason",
            nativeQuery = true)
    List<Object[]> countByReasonAfterEvent(@Param("afterEvent") long afterEvent);
}
