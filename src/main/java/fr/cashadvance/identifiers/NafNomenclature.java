package fr.cashadvance.identifiers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The 732 sub-classes of the French NAF rev. 2 nomenclature, read once from
 * {@code naf-rev2.csv} on the classpath ({@code code;label}, UTF-8, one header line, labels
 * that contain a semicolon in double quotes). Codes are looked up in any form
 * {@link NafCode#normalize} understands.
 */
public final class NafNomenclature {

    static final String RESOURCE = "/naf-rev2.csv";

    private NafNomenclature() {
    }

    public static boolean exists(String code) {
        return label(code).isPresent();
    }

    /** The French label of the code, e.g. {@code 62.01Z} → "Programmation informatique". */
    public static Optional<String> label(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(Holder.CODES.get(NafCode.normalize(code)));
    }

    /** Every code in {@code NN.NNL} form with its label, in code order; unmodifiable. */
    public static Map<String, String> all() {
        return Holder.CODES;
    }

    public static int size() {
        return Holder.CODES.size();
    }

    /** Loads on first use; the JVM guarantees the class initializer runs exactly once. */
    private static final class Holder {
        static final Map<String, String> CODES = load();
    }

    static Map<String, String> load() {
        InputStream in = NafNomenclature.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("NAF nomenclature not found on the classpath: "
                    + RESOURCE);
        }
        Map<String, String> codes = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                int separator = line.indexOf(';');
                if (separator < 0) {
                    throw new IllegalStateException(
                            RESOURCE + " line " + lineNumber + " has no ';'");
                }
                String code = NafCode.normalize(line.substring(0, separator));
                codes.put(code, unquote(line.substring(separator + 1).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return Collections.unmodifiableMap(codes);
    }

    private static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }
}
