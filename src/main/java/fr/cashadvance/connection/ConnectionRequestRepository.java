package fr.cashadvance.connection;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConnectionRequestRepository extends JpaRepository<ConnectionRequest, String> {

    List<ConnectionRequest> findBySirenAndStatus(String siren, ConnectionRequestStatus status);
}
