package fr.cashadvance.invoice.einvoice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Median parse time per sample file. Not a test (surefire skips *Benchmark); run it by hand:
 * {@code java -cp target/test-classes:target/classes:<deps> ...EInvoiceParserBenchmark}.
 * A rough figure for capacity planning, not a JMH-grade measurement.
 */
public final class EInvoiceParserBenchmark {

    private static final int WARM_UP_RUNS = 10;
    private static final int MEASURED_RUNS = 50;

    private static final List<String> FILES = List.of(
            "fr_ubl_en16931_F124212.xml",
            "fr_cii_en16931_F20260023.xml",
            "fr_cii_basic_F20260023.xml",
            "fr_cii_minimum_F20260023.xml",
            "fr_cii_minimum_avoir380_negative.xml",
            "be_ubl_creditnote381.xml",
            "de_cii_extended_GBP.xml",
            "nl_cii_en16931_example1.xml",
            "fr_fx_en16931_F20260023_attach.pdf",
            "fr_fx_minimum_F20220023.pdf",
            "fr_fx_avoir381_basic.pdf",
            "fr_fx_ue_basicwl_buyerES.pdf");

    private EInvoiceParserBenchmark() {
    }

    public static void main(String[] args) {
        EInvoiceParser parser = new EInvoiceParser();
        System.out.printf(Locale.ROOT, "%-40s %10s %12s%n", "file", "bytes", "median ms");

        for (String file : FILES) {
            byte[] content = read(file);
            for (int i = 0; i < WARM_UP_RUNS; i++) {
                parser.parse(content);
            }

            long[] nanos = new long[MEASURED_RUNS];
            for (int i = 0; i < MEASURED_RUNS; i++) {
                long start = System.nanoTime();
                parser.parse(content);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            double medianMs = nanos[MEASURED_RUNS / 2] / 1_000_000.0;
            System.out.printf(Locale.ROOT, "%-40s %10d %12.2f%n", file, content.length, medianMs);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = EInvoiceParserBenchmark.class
                .getResourceAsStream("/einvoices/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
