package org.reclaim.documents;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * XHTML to PDF with openhtmltopdf. The letters use the PDF base-14 font Helvetica (and Helvetica-Bold), which every PDF
 * reader has built in, so no font file is read or embedded: nothing outside the application is needed at run time, a
 * letter is a few kilobytes (a print run of thousands stays small) and rendering is fast. Its WinAnsi encoding covers
 * English text and the pound sign; a letter in Welsh (ŵ, ŷ) would need a shipped TTF.
 */
@Component
class PdfRenderer {

    /** A rendered letter: the PDF and its number of pages. */
    record Pdf(byte[] bytes, int pages) {
    }

    Pdf render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            try (PDDocument pdf = renderer.getPdfDocument()) {
                pdf.save(out);
                return new Pdf(out.toByteArray(), pdf.getNumberOfPages());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the letter could not be rendered to PDF", e);
        }
    }
}
