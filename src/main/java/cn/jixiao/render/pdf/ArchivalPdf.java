package cn.jixiao.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * PDF/A-2u (ISO 19005-2, level U): what a PDF needs on top of ours to be an archival PDF. Our PDFs already embed
 * every font, map every glyph they draw to its Unicode text, draw no transparency and carry a file ID; this adds
 * <ul>
 * <li>the sRGB output intent, with the ICC profile {@code sRGB.icc} (from Debian's {@code icc-profiles-free}; its
 * licence is in {@code sRGB.icc.txt} beside it): the forms draw their lines and text in DeviceRGB;</li>
 * <li>XMP metadata made from the document information dictionary as it is finally written, so that the two agree
 * by construction (title, creator, producer, creation date when there is one — PDF/A requires no date), with the
 * document and instance IDs derived from the file ID: the same input still gives the same bytes.</li>
 * </ul>
 * Level U (the pages look right, and their text can be searched and copied) is the highest our stack reaches: level A
 * also needs a tagged logical structure, which JasperReports writes only for templates annotated for it. PDF/A-2
 * rather than 1: it is what LibreOffice's export writes, and it needs no CIDSet in the fonts.
 */
public final class ArchivalPdf {

    /** What the documents claim and tests check: ISO 19005-2, conformance level U. */
    public static final int PART = 2;
    public static final String CONFORMANCE = "U";

    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final byte[] SRGB_PROFILE = profile();

    /** Info dictionary entries and the XMP properties the standard pairs them with (ISO 19005-2, 6.6.2.3.1). */
    private static final Map<PdfName, String> TEXT_PROPERTIES = Map.of(
            PdfName.CREATOR, "xmp:CreatorTool",
            PdfName.PRODUCER, "pdf:Producer",
            PdfName.KEYWORDS, "pdf:Keywords");
    private static final Map<PdfName, String> DATE_PROPERTIES = Map.of(
            PdfName.CREATIONDATE, "xmp:CreateDate",
            PdfName.MODDATE, "xmp:ModifyDate");

    private ArchivalPdf() {
    }

    /**
     * Makes the document a writer writes PDF/A when the document is closed, after every other part of it is set.
     *
     * @param fileId the document's 16-byte file ID (the trailer's {@code /ID})
     */
    static void completeOnClose(PdfWriter writer, byte[] fileId) {
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onCloseDocument(PdfWriter closing, Document document) {
                complete(closing, fileId);
            }
        });
    }

    /**
     * Adds the output intent and the XMP metadata; call it last before the document is closed, once its
     * information dictionary is final.
     *
     * @param fileId the document's 16-byte file ID (the trailer's {@code /ID})
     */
    public static void complete(PdfWriter writer, byte[] fileId) {
        try {
            PdfStream profile = new PdfStream(SRGB_PROFILE);
            profile.put(PdfName.N, new PdfNumber(3));
            profile.flateCompress();
            PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
            intent.put(PdfName.S, PdfName.GTS_PDFA1);
            intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(SRGB));
            intent.put(PdfName.INFO, new PdfString(SRGB));
            intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(profile).getIndirectReference());
            writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the output intent", e);
        }
        writer.setXmpMetadata(xmp(writer.getInfo(), fileId));
    }

    /**
     * The XMP packet. Written as text rather than with an XMP library: it is a dozen fixed properties, and a library
     * (Adobe's XMPCore, as JasperReports would use) stamps a random instance ID and the clock.
     */
    static byte[] xmp(PdfDictionary info, byte[] fileId) {
        StringBuilder properties = new StringBuilder();
        properties.append("   <dc:format>application/pdf</dc:format>\n");
        String title = text(info, PdfName.TITLE);
        if (title != null) {
            properties.append("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(title))
                    .append("</rdf:li></rdf:Alt></dc:title>\n");
        }
        String author = text(info, PdfName.AUTHOR);
        if (author != null) {
            properties.append("   <dc:creator><rdf:Seq><rdf:li>").append(escape(author))
                    .append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        String subject = text(info, PdfName.SUBJECT);
        if (subject != null) {
            properties.append("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(subject))
                    .append("</rdf:li></rdf:Alt></dc:description>\n");
        }
        TEXT_PROPERTIES.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(property -> {
            String value = text(info, property.getKey());
            if (value != null) {
                element(properties, property.getValue(), escape(value));
            }
        });
        DATE_PROPERTIES.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(property -> {
            String value = text(info, property.getKey());
            if (value != null) {
                element(properties, property.getValue(), PdfDate.getW3CDate(value));
            }
        });
        String id = "uuid:" + uuid(fileId);
        element(properties, "xmpMM:DocumentID", id);
        element(properties, "xmpMM:InstanceID", id);
        element(properties, "pdfaid:part", String.valueOf(PART));
        element(properties, "pdfaid:conformance", CONFORMANCE);
        String packet = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
                + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
                + " xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\""
                + " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + properties
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"r\"?>";
        return packet.getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append("   <").append(name).append('>').append(value).append("</").append(name).append(">\n");
    }

    private static String text(PdfDictionary info, PdfName key) {
        PdfObject value = info.get(key);
        return value instanceof PdfString string ? string.toUnicodeString() : null;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static UUID uuid(byte[] fileId) {
        ByteBuffer bytes = ByteBuffer.wrap(fileId);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private static byte[] profile() {
        try (InputStream in = ArchivalPdf.class.getResourceAsStream("sRGB.icc")) {
            if (in == null) {
                throw new IllegalStateException("sRGB.icc is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sRGB.icc from the jar", e);
        }
    }
}
