package cn.jixiao.render.pdf;

import cn.jixiao.render.RenderException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.stream.Collectors;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks a template's XML before JasperReports reads it: well-formed, and without a DOCTYPE. JasperReports 7.0.6
 * parses templates twice: Jackson's XML mapper (DTDs off) builds the report, but first a plain StAX parser with DTD
 * support on looks for the root element, and it fetches an external DTD ({@code <!DOCTYPE jasperReport SYSTEM
 * "http://...">}) while doing so. A template needs no DTD, so any DOCTYPE is refused here, before either parser runs.
 * (Registering a safer loader in the run's JasperReports context would not do: 7.0.6's {@code JRXmlTemplateLoader}
 * reads a style template given as a file or a location, such as {@code form.jrtx}, with the loaders of the default
 * context.)
 */
final class TemplateXml {

    /** Configured once: finding the StAX implementation scans the class path. Creating readers is thread-safe. */
    private static final XMLInputFactory PARSERS = parsers();

    private TemplateXml() {
    }

    private static XMLInputFactory parsers() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** @throws RenderException naming the file, line and column when the XML is malformed or declares a DOCTYPE */
    static void check(Path file, byte[] xml) throws RenderException {
        try {
            XMLStreamReader reader = PARSERS.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.DTD) {
                        throw new RenderException("template " + file + " declares a DOCTYPE at "
                                + at(reader.getLocation()) + "; templates may not declare DTDs or entities (they could"
                                + " read files or reach the network while the template loads): remove it");
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new RenderException("template " + file + " is not well-formed XML at " + at(e.getLocation()) + ": "
                    + reason(e), e);
        }
    }

    /** The parser's message without the location lines that Woodstox and the JDK's parser add to it. */
    private static String reason(XMLStreamException e) {
        return e.getMessage().lines()
                .filter(line -> !line.startsWith(" at [") && !line.startsWith("ParseError at"))
                .map(line -> line.replaceFirst("^Message: ", ""))
                .collect(Collectors.joining(" "));
    }

    /**
     * Why JasperReports could not read a well-formed template, on one line: for an element or attribute it does not
     * know, the name and where it is ({@code Unrecognized field "parameterx" at line 20, column 47}).
     */
    static String reason(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                JsonLocation location = jackson.getLocation();
                return jackson.getOriginalMessage().replaceAll(" \\(class [^)]*\\), not marked as ignorable.*", "")
                        + (location == null ? "" : " at line " + location.getLineNr() + ", column "
                        + location.getColumnNr());
            }
        }
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    private static String at(Location location) {
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }
}
