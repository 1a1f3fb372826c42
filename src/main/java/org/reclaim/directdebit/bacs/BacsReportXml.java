package org.reclaim.directdebit.bacs;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a Bacs report, the XML "BACSDocument" that Bacs Payment Services delivers: no DTDs, no external entities;
 * a parse error is an {@link InvalidInput} naming the line.
 */
final class BacsReportXml {

    private BacsReportXml() {
    }

    static Document parse(String xml, String report) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            Document doc = builder.parse(new InputSource(new StringReader(xml)));
            Element root = doc.getDocumentElement();
            if (!"BACSDocument".equals(root.getTagName())) {
                throw InvalidInput.of("line 1", "this is not a Bacs report: the document is <" + root.getTagName()
                        + ">, not <BACSDocument>");
            }
            return doc;
        } catch (SAXParseException e) {
            throw InvalidInput.of("line " + Math.max(e.getLineNumber(), 1), "the " + report
                    + " report is not well-formed XML (truncated or damaged?): " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw InvalidInput.of("line 1", "the " + report + " report cannot be read: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be made safe", e);
        }
    }

    static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static Element single(Element parent, String tag, String field, String what) {
        List<Element> found = elements(parent, tag);
        if (found.size() != 1) {
            throw InvalidInput.of(field, found.isEmpty() ? what + " has no <" + tag + ">"
                    : what + " has " + found.size() + " <" + tag + "> elements, not one");
        }
        return found.get(0);
    }

    static String required(Element e, String attribute, String field) {
        String value = e.getAttribute(attribute).strip();
        if (value.isEmpty()) {
            throw InvalidInput.of(field, "<" + e.getTagName() + "> has no " + attribute);
        }
        return value;
    }

    static Optional<String> optional(Element e, String attribute) {
        String value = e.getAttribute(attribute).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    static LocalDate date(Element e, String attribute, String field) {
        String value = required(e, attribute, field);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException ex) {
            throw InvalidInput.of(field, attribute + " '" + value + "' is not a date like 2026-05-05");
        }
    }

    /** Pounds and pence as the reports write them ({@code 12.34}) to pence. */
    static Money pounds(Element e, String attribute, String field) {
        String value = required(e, attribute, field).replace(",", "");
        if (!value.matches("\\d{1,11}(\\.\\d{1,2})?")) {
            throw InvalidInput.of(field, attribute + " '" + value + "' is not an amount in pounds like 12.34");
        }
        int dot = value.indexOf('.');
        long pounds = Long.parseLong(dot < 0 ? value : value.substring(0, dot));
        String pence = dot < 0 ? "00" : (value.substring(dot + 1) + "0").substring(0, 2);
        return Money.ofPounds(pounds).plus(Money.ofPence(Long.parseLong(pence)));
    }

    /** The sort code and account number of an item, with the item named if either is wrong. */
    static BankAccount account(String sortCode, String accountNumber, String field) {
        try {
            return BankAccount.of(sortCode, accountNumber);
        } catch (InvalidInput e) {
            throw InvalidInput.of(field, e.errors().get(0).field() + " " + e.errors().get(0).message());
        }
    }
}
