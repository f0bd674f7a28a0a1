package fr.cashadvance.lender.sandbox;

import org.springframework.data.jpa.repository.JpaRepository;

interface SandboxCreditLineRepository extends JpaRepository<SandboxCreditLine, String> {
}
