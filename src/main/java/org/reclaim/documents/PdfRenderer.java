package org.reclaim.documents;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.reclaim.shared.InvalidInput;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XHTML to PDF with openhtmltopdf. The letters use the PDF base-14 font Helvetica (and Helvetica-Bold), which every PDF
 * reader has built in, so no font file is read or embedded: nothing outside the application is needed at run time, a
 * letter is a couple of kilobytes (a print run of thousands stays small) and rendering is fast. Its WinAnsi encoding
 * covers English text and the pound sign; a letter in Welsh (ŵ, ŷ) would need a shipped TTF.
 *
 * <p>Each thread keeps its own XML parser (openhtmltopdf would look a parser factory up for every letter), and the PDF
 * is written without PDFBox's object-stream compression, which cost more time than the bytes it saved on a letter.
 */
@Component
class PdfRenderer {

    /** A rendered letter: the PDF and its number of pages. */
    record Pdf(byte[] bytes, int pages) {
    }

    static {
        // openhtmltopdf logs each letter's stylesheet and layout timings at INFO: warnings only
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // the letters are our own templates, but no parser of ours fetches DTDs or entities
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    Pdf render(String xhtml) {
        Document dom;
        try {
            DocumentBuilder parser = PARSER.get();
            parser.reset();
            dom = parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException | IOException e) {
            throw InvalidInput.of("template", "does not make well-formed XHTML: " + e.getMessage());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(dom, null);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            try (PDDocument pdf = renderer.getPdfDocument()) {
                pdf.save(out, CompressParameters.NO_COMPRESSION);
                return new Pdf(out.toByteArray(), pdf.getNumberOfPages());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the letter could not be rendered to PDF", e);
        }
    }
}
