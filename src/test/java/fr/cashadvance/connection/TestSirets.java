package fr.cashadvance.connection;

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

    static String withLuhnKey(String digits) {
        for (int key = 0; key <= 9; key++) {
            String candidate = digits + key;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no key");
    }

    private static boolean luhn(String s) {
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = s.charAt(s.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
