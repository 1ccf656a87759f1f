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
}
