package cn.jixiao.render.docx;

import cn.jixiao.fonts.FontLibrary.Face;
import cn.jixiao.fonts.TrueTypeSubsetter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The document's font table ({@code word/fontTable.xml}) and its embedded fonts: one {@code .odttf} part per font file
 * the used faces come from, related from the font table, named by a {@code w:embedRegular} or {@code w:embedBold}
 * element of the family's {@code w:font}, with {@code w:embedTrueTypeFonts} and {@code w:saveSubsetFonts} set in the
 * settings. The parts are written empty here; each form writes its subsets into them ({@link EmbeddedFont}).
 */
final class FontTable {

    private static final String W = DocumentFonts.W;
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String FONT_TABLE_RELATION = R + "/fontTable";
    private static final String FONT_RELATION = R + "/font";
    private static final String FONT_TABLE_TYPE =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
    private static final String OBFUSCATED_FONT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont";
    private static final List<String> EMBED_ELEMENTS =
            List.of("embedRegular", "embedBold", "embedItalic", "embedBoldItalic");

    private FontTable() {
    }

    /**
     * Replaces the template's embedded fonts by one part per font file the used faces come from, in the order of the
     * faces' first use. A face whose file cannot be embedded ({@link DocumentFonts#subsetter}) stays in the font
     * table by name only.
     *
     * @param usedFaces face numbers in the order of their first use
     */
    static List<EmbeddedFont> embed(XWPFDocument document, DocumentFonts fonts, List<Integer> usedFaces)
            throws DocxException {
        try {
            PackagePart fontTable = fontTable(document);
            Document table = removeEmbeddedFonts(document.getPackage(), fontTable);
            Map<Path, BitSet> byFile = new LinkedHashMap<>();
            for (int face : usedFaces) {
                if (fonts.subsetter(face) != null) {
                    byFile.computeIfAbsent(fonts.face(face).file(), file -> new BitSet()).set(face);
                } else {
                    fontElement(table, fonts.family(face));
                }
            }
            List<EmbeddedFont> embedded = new ArrayList<>();
            for (BitSet faces : byFile.values()) {
                int number = embedded.size() + 1;
                int first = faces.nextSetBit(0);
                Face face = fonts.face(first);
                String family = fonts.family(first);
                String fontKey = EmbeddedFont.fontKey(family, face.bold());
                PackagePartName name = PackagingURIHelper.createPartName("/word/fonts/font" + number + ".odttf");
                PackagePart part = document.getPackage().createPart(name, OBFUSCATED_FONT_TYPE);
                try (OutputStream out = part.getOutputStream()) {
                    out.write(0); // each form writes its own subset here
                }
                String id = "rIdFont" + number;
                fontTable.addRelationship(name, TargetMode.INTERNAL, FONT_RELATION, id);
                Element embed = table.createElementNS(W, "w:" + (face.bold() ? "embedBold" : "embedRegular"));
                embed.setAttributeNS(R, "r:id", id);
                embed.setAttributeNS(W, "w:fontKey", fontKey);
                embed.setAttributeNS(W, "w:subsetted", "1");
                fontElement(table, family).appendChild(embed);
                TrueTypeSubsetter subsetter = fonts.subsetter(first);
                embedded.add(new EmbeddedFont(name.getName().substring(1), faces, subsetter, fontKey));
            }
            sortEmbeds(table);
            writeXml(table, fontTable);
            CTSettings settings = document.getSettings().getCTSettings();
            if (!settings.isSetEmbedTrueTypeFonts()) {
                settings.addNewEmbedTrueTypeFonts();
            }
            if (!settings.isSetSaveSubsetFonts()) {
                settings.addNewSaveSubsetFonts();
            }
            return embedded;
        } catch (IOException | InvalidFormatException | SAXException | TransformerException e) {
            throw new DocxException("cannot write the font table: " + e.getMessage(), e);
        }
    }

    /**
     * Removes every embedded font from the font table: the relationships, the font parts and the {@code w:embed...}
     * elements. Templates saved by Word with "embed fonts" on carry whole fonts that the form does not need.
     */
    static Document removeEmbeddedFonts(OPCPackage pkg, PackagePart fontTable)
            throws IOException, SAXException, InvalidFormatException {
        for (PackageRelationship relation : fontTable.getRelationshipsByType(FONT_RELATION)) {
            PackagePart font = fontTable.getRelatedPart(relation);
            fontTable.removeRelationship(relation.getId());
            if (font != null) {
                pkg.removePart(font);
            }
        }
        Document table;
        try (InputStream in = fontTable.getInputStream()) {
            table = XMLHelper.newDocumentBuilder().parse(in);
        }
        for (String name : EMBED_ELEMENTS) {
            NodeList embeds = table.getElementsByTagNameNS(W, name);
            for (int i = embeds.getLength() - 1; i >= 0; i--) {
                embeds.item(i).getParentNode().removeChild(embeds.item(i));
            }
        }
        return table;
    }

    /** The document's font table part, created when the template has none. */
    static PackagePart fontTable(XWPFDocument document) throws InvalidFormatException, IOException {
        PackagePart main = document.getPackagePart();
        for (PackageRelationship relation : main.getRelationshipsByType(FONT_TABLE_RELATION)) {
            return main.getRelatedPart(relation);
        }
        PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
        PackagePart part = document.getPackage().createPart(name, FONT_TABLE_TYPE);
        try (OutputStream out = part.getOutputStream()) {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:fonts xmlns:w=\"" + W
                    + "\" xmlns:r=\"" + R + "\"/>").getBytes(StandardCharsets.UTF_8));
        }
        main.addRelationship(name, TargetMode.INTERNAL, FONT_TABLE_RELATION);
        return part;
    }

    private static void writeXml(Document xml, PackagePart part) throws IOException, TransformerException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XMLHelper.newTransformer().transform(new DOMSource(xml), new StreamResult(bytes));
        try (OutputStream out = part.getOutputStream()) {
            out.write(bytes.toByteArray());
        }
    }

    /** The {@code w:font} element of the family, appended when the table has none. */
    private static Element fontElement(Document table, String family) {
        NodeList fonts = table.getElementsByTagNameNS(W, "font");
        for (int i = 0; i < fonts.getLength(); i++) {
            Element font = (Element) fonts.item(i);
            if (family.equals(font.getAttributeNS(W, "name"))) {
                return font;
            }
        }
        Element font = table.createElementNS(W, "w:font");
        font.setAttributeNS(W, "w:name", family);
        table.getDocumentElement().appendChild(font);
        return font;
    }

    /** Schema order: embedRegular before embedBold, both last in {@code w:font}. */
    private static void sortEmbeds(Document table) {
        NodeList bolds = table.getElementsByTagNameNS(W, "embedBold");
        for (int i = 0; i < bolds.getLength(); i++) {
            Node bold = bolds.item(i);
            Node parent = bold.getParentNode();
            parent.removeChild(bold);
            parent.appendChild(bold);
        }
    }
}
