package fr.cashadvance.statement;

import fr.cashadvance.common.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The monthly fee statement as a one-page (or more) PDF, drawn with PDFBox. */
final class FeeStatementPdf {

    private static final DateTimeFormatter MONTH = DateTimeFormatter
            .ofPattern("MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float MARGIN = 50;
    private static final float LINE = 16;

    private FeeStatementPdf() {
    }

    static byte[] render(String businessName, String siren, YearMonth month,
                         List<StatementLine> lines, BigDecimal total) {
        var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDPageContentStream s = new PDPageContentStream(doc, page);
            float y = page.getMediaBox().getHeight() - MARGIN;
            y = text(s, bold, 16, MARGIN, y, "Relevé des frais de financement — "
                    + MONTH.format(month));
            y = text(s, regular, 11, MARGIN, y - 6, businessName + " — SIREN " + siren);
            y = text(s, regular, 9, MARGIN, y, "Frais facturés par le prêteur pour les avances "
                    + "de trésorerie, une ligne par prêt pour les jours du mois.");
            y -= 10;
            float[] cols = {MARGIN, MARGIN + 110, MARGIN + 220, MARGIN + 300, MARGIN + 380};
            row(s, bold, y, cols, "Facture", "Montant avancé", "Financé le", "Remboursé le",
                    "Frais du mois");
            y -= LINE;
            for (StatementLine l : lines) {
                if (y < MARGIN + 60) {
                    s.close();
                    page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    s = new PDPageContentStream(doc, page);
                    y = page.getMediaBox().getHeight() - MARGIN;
                }
                row(s, regular, y, cols, l.invoiceNumber(), money(l.amount()),
                        DAY.format(l.fundedOn()),
                        l.repaidOn() == null ? "en cours" : DAY.format(l.repaidOn()),
                        money(l.fee()));
                y -= LINE;
            }
            y -= 6;
            text(s, bold, 11, cols[3], y, "Total : " + money(total));
            text(s, regular, 8, MARGIN, MARGIN, "Ces frais rémunèrent des opérations de "
                    + "crédit : ils ne sont pas soumis à la TVA. Écriture : 661600 au débit, "
                    + "compte fournisseur du prêteur au crédit.");
            s.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Fee statement PDF could not be written", e);
        }
    }

    private static float text(PDPageContentStream s, PDType1Font font, float size, float x,
                              float y, String text) throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(winAnsi(text));
        s.endText();
        return y - size - 6;
    }

    private static void row(PDPageContentStream s, PDType1Font font, float y, float[] cols,
                            String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            text(s, font, 9, cols[i], y, cells[i]);
        }
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : Money.formatFr(amount);
    }

    /** The standard fonts speak WinAnsi: no narrow no-break space, no control characters. */
    private static String winAnsi(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\p{Cntrl}", " ");
    }
}
