package fr.cashadvance.identifiers;

/** Check-digit arithmetic shared by the identifier validators. */
final class CheckDigits {

    private CheckDigits() {
    }

    static boolean isDigits(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Luhn (mod 10) over a string of digits, the rightmost being the check digit. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    static int digitSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digits.charAt(i) - '0';
        }
        return sum;
    }

    /**
     * Remainder mod 97 of a string of digits and upper-case letters, letters counting as
     * 10 (A) to 35 (Z), as ISO 7064 MOD 97-10 does for IBANs. Returns -1 on any other
     * character. Works chunk by chunk so that no big integer is needed.
     */
    static int mod97(String alphanumeric) {
        int remainder = 0;
        for (int i = 0; i < alphanumeric.length(); i++) {
            char c = alphanumeric.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return -1;
            }
        }
        return remainder;
    }

    /** Removes every kind of space (including no-break ones) and the usual separators. */
    static String strip(String value, boolean separatorsToo) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            boolean separator = separatorsToo && (c == '.' || c == '-');
            if (!space && !separator) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
