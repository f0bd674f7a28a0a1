package fr.cashadvance.lender.sandbox;

import org.springframework.data.jpa.repository.JpaRepository;

interface SandboxClockRepository extends JpaRepository<SandboxClockState, Integer> {
}
