package fr.cashadvance.connection;

import fr.cashadvance.identifiers.Siren;
import fr.cashadvance.identifiers.Siret;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, unused SIRENs and SIRETs for tests: Luhn keys computed, never a real company's. */
public final class TestSirets {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 9000));

    private TestSirets() {
    }

    public static String newSiret() {
        String siren = withLuhnKey("71" + String.format("%06d", NEXT.incrementAndGet() % 1_000_000));
        return withLuhnKey(siren + "0001");
    }

    /** Appends the key digit that makes the number a valid SIREN (9) or SIRET (14). */
    static String withLuhnKey(String digits) {
        for (int key = 0; key <= 9; key++) {
            String candidate = digits + key;
            boolean valid = candidate.length() == 9 ? Siren.isValid(candidate)
                    : Siret.isValid(candidate);
            if (valid) {
                return candidate;
            }
        }
        throw new IllegalStateException("no key");
    }
}
