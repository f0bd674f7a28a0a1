package fr.cashadvance.connection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BankAccountRepository extends JpaRepository<BankAccount, String> {

    List<BankAccount> findBySirenOrderByIban(String siren);

    Optional<BankAccount> findBySirenAndIban(String siren, String iban);
}
