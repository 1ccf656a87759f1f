package io.payonator.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface AccountBalanceRepository extends JpaRepository<AccountBalanceRow, Integer> {

    List<AccountBalanceRow> findAllByOrderByClientAsc();
}
