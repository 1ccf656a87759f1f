package io.payonator.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface RejectedRowRepository extends JpaRepository<RejectedRowEntry, Long> {

    List<RejectedRowEntry> findAllByOrderBySourceAscLineAsc();
}
