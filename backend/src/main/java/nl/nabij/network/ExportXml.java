package nl.nabij.network;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * What the GraphML and GEXF writers share: a UTF-8 stream writer over a buffer, one element per line so a person can
 * read and diff the file, and text made safe for XML 1.0.
 */
final class ExportXml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** The body of one document. */
    @FunctionalInterface
    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private ExportXml() {}

    /**
     * The whole document in memory: a network of an area is small (about 60 kB of GraphML for the demo district
     * Haven), and a failure then answers an error instead of half a file.
     */
    static byte[] document(Body body) {
        var bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            body.write(xml);
            newLine(xml, 0);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to memory cannot fail, so the document itself is wrong", e);
        }
        return bytes.toByteArray();
    }

    /** Starts the root element in its namespace, with the schema's public location as a hint for tools. */
    static void root(XMLStreamWriter xml, String name, String namespace, String schemaLocation)
            throws XMLStreamException {
        newLine(xml, 0);
        xml.writeStartElement(name);
        xml.writeDefaultNamespace(namespace);
        xml.writeNamespace("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
        xml.writeAttribute(
                "xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "schemaLocation", namespace + " " + schemaLocation);
    }

    /** What the file shows, for the graph's description: the area, its code and the day. */
    static String description(NetworkScope scope) {
        return "Network of %s (%s) on %s: teams, organisations, vindplaatsen and professionals, and who works with whom"
                .formatted(scope.name(), scope.code(), scope.asOf());
    }

    static void newLine(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /**
     * The text with every character that XML 1.0 forbids (control characters, lone surrogates) replaced by U+FFFD.
     * The stream writer escapes markup but passes those through, and a single one makes the whole file unreadable.
     */
    static String text(String value) {
        StringBuilder safe = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            safe.appendCodePoint(allowed(codePoint) ? codePoint : '\uFFFD');
            i += Character.charCount(codePoint);
        }
        return safe.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
