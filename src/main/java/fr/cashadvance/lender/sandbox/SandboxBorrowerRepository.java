package fr.cashadvance.lender.sandbox;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SandboxBorrowerRepository extends JpaRepository<SandboxBorrower, String> {

    Optional<SandboxBorrower> findByIdentifier(String identifier);
}
