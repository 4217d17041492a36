package cn.jixiao.render.docx;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontLibrary.Face;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.fonts.TrueTypeSubsetter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTParaRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSettings;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The document's fonts: the configured family on every run (ascii, hAnsi, eastAsia and cs), and the faces the document
 * uses embedded as Word embeds them (ECMA-376 Part 1 §17.8.1): a subset of each face, obfuscated with its font key,
 * as a {@code .odttf} part of the font table, with {@code w:embedTrueTypeFonts} and {@code w:saveSubsetFonts} set.
 *
 * <p>Body text uses the body family; the paragraph in the {@value Styles#TITLE_STYLE} style uses the title family.
 * Bold runs use the family's bold face where it has one.
 */
final class DocumentFonts {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String FONT_TABLE_RELATION = R + "/fontTable";
    private static final String FONT_RELATION = R + "/font";
    private static final String FONT_TABLE_TYPE =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
    private static final String OBFUSCATED_FONT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont";
    private static final String PARAGRAPHS = "declare namespace w='" + W + "' .//w:p";
    private static final List<String> EMBED_ELEMENTS =
            List.of("embedRegular", "embedBold", "embedItalic", "embedBoldItalic");
    /** Page number fields (第 N 页 共 M 页) print digits the runs do not hold. */
    private static final String DIGITS = "0123456789";

    private final String bodyFamily;
    private final String titleFamily;
    private final Map<String, Face> faces = new HashMap<>(); // family + bold -> face
    private final Map<Path, TrueTypeSubsetter> subsetters = new HashMap<>();

    DocumentFonts(FontSettings settings, FontLibrary library) throws FontException {
        this.bodyFamily = settings.bodyFamily();
        this.titleFamily = settings.titleFamily();
        for (String family : List.of(bodyFamily, titleFamily)) {
            for (boolean bold : new boolean[] {false, true}) {
                Face face = library.face(family, bold);
                faces.put(key(family, bold), face);
                if (!subsetters.containsKey(face.file())) {
                    try {
                        subsetters.put(face.file(), new TrueTypeSubsetter(Files.readAllBytes(face.file())));
                    } catch (IOException e) {
                        throw new FontException("cannot read font " + face.file() + ": " + e.getMessage());
                    } catch (FontException e) {
                        throw new FontException("cannot embed font " + face.file() + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    /** Sets the families on every run, in the styles' defaults and the title style; embeds the used glyphs. */
    void apply(XWPFDocument document, Styles styles) throws DocxException {
        Map<Face, Set<Integer>> used = new LinkedHashMap<>();
        List<XmlObject> parts = new ArrayList<>();
        parts.add(document.getDocument().getBody());
        document.getHeaderList().forEach(header -> parts.add(((XWPFHeaderFooter) header)._getHdrFtr()));
        document.getFooterList().forEach(footer -> parts.add(((XWPFHeaderFooter) footer)._getHdrFtr()));
        for (XmlObject part : parts) {
            for (XmlObject found : part.selectPath(PARAGRAPHS)) {
                CTP paragraph = (CTP) found;
                String family = styles.isTitle(paragraph) ? titleFamily : bodyFamily;
                CTPPr paragraphProperties = paragraph.isSetPPr() ? paragraph.getPPr() : paragraph.addNewPPr();
                CTParaRPr mark = paragraphProperties.isSetRPr() ? paragraphProperties.getRPr()
                        : paragraphProperties.addNewRPr();
                setFamily(mark.sizeOfRFontsArray() > 0 ? mark.getRFontsArray(0) : mark.addNewRFonts(), family);
                for (CTR run : paragraph.getRList()) {
                    CTRPr properties = run.isSetRPr() ? run.getRPr() : run.addNewRPr();
                    setFamily(properties.sizeOfRFontsArray() > 0 ? properties.getRFontsArray(0)
                            : properties.addNewRFonts(), family);
                    Set<Integer> codePoints = used.computeIfAbsent(faces.get(key(family, styles.bold(paragraph, run))),
                            face -> new TreeSet<>());
                    for (CTText text : run.getTList()) {
                        text.getStringValue().codePoints().forEach(codePoints::add);
                    }
                }
            }
        }
        used.computeIfAbsent(faces.get(key(bodyFamily, false)), face -> new TreeSet<>())
                .addAll(DIGITS.chars().boxed().toList());
        CTFonts defaults = CTFonts.Factory.newInstance();
        setFamily(defaults, bodyFamily);
        document.getStyles().setDefaultFonts(defaults);
        var title = document.getStyles().getStyle(Styles.TITLE_STYLE);
        if (title != null) {
            var rPr = title.getCTStyle().isSetRPr() ? title.getCTStyle().getRPr() : title.getCTStyle().addNewRPr();
            setFamily(rPr.sizeOfRFontsArray() > 0 ? rPr.getRFontsArray(0) : rPr.addNewRFonts(), titleFamily);
        }
        embed(document, used);
    }

    private static String key(String family, boolean bold) {
        return family + (bold ? "\u0000bold" : "\u0000regular");
    }

    /** The family for every script; theme fonts, which would win over it, are removed. */
    private static void setFamily(CTFonts fonts, String family) {
        fonts.setAscii(family);
        fonts.setHAnsi(family);
        fonts.setEastAsia(family);
        fonts.setCs(family);
        if (fonts.isSetAsciiTheme()) {
            fonts.unsetAsciiTheme();
        }
        if (fonts.isSetHAnsiTheme()) {
            fonts.unsetHAnsiTheme();
        }
        if (fonts.isSetEastAsiaTheme()) {
            fonts.unsetEastAsiaTheme();
        }
        if (fonts.isSetCstheme()) {
            fonts.unsetCstheme();
        }
    }

    /** Adds one obfuscated subset per face to the font table, and tells Word the document embeds subset fonts. */
    private void embed(XWPFDocument document, Map<Face, Set<Integer>> used) throws DocxException {
        try {
            PackagePart fontTable = fontTable(document);
            Document table = removeEmbeddedFonts(document.getPackage(), fontTable);
            Map<Path, List<Face>> byFile = new LinkedHashMap<>();
            Map<Path, Set<Integer>> codePoints = new LinkedHashMap<>();
            used.forEach((face, characters) -> {
                byFile.computeIfAbsent(face.file(), file -> new ArrayList<>()).add(face);
                codePoints.computeIfAbsent(face.file(), file -> new TreeSet<>()).addAll(characters);
            });
            int number = 0;
            for (Map.Entry<Path, List<Face>> file : byFile.entrySet()) {
                number++;
                Face face = file.getValue().get(0);
                String family = familyOf(face);
                String fontKey = fontKey(family, face.bold());
                byte[] font = subsetters.get(file.getKey()).subset(codePoints.get(file.getKey()));
                obfuscate(font, fontKey);
                PackagePartName name = PackagingURIHelper.createPartName("/word/fonts/font" + number + ".odttf");
                PackagePart part = document.getPackage().createPart(name, OBFUSCATED_FONT_TYPE);
                try (OutputStream out = part.getOutputStream()) {
                    out.write(font);
                }
                String id = "rIdFont" + number;
                fontTable.addRelationship(name, TargetMode.INTERNAL, FONT_RELATION, id);
                Element embed = table.createElementNS(W, "w:" + (face.bold() ? "embedBold" : "embedRegular"));
                embed.setAttributeNS(R, "r:id", id);
                embed.setAttributeNS(W, "w:fontKey", fontKey);
                embed.setAttributeNS(W, "w:subsetted", "1");
                fontElement(table, family).appendChild(embed);
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
        } catch (FontException e) {
            throw new DocxException("cannot embed the fonts: " + e.getMessage(), e);
        } catch (IOException | InvalidFormatException | SAXException | TransformerException e) {
            throw new DocxException("cannot write the font table: " + e.getMessage(), e);
        }
    }

    /** The family name the runs use for this face. */
    private String familyOf(Face face) {
        for (String family : List.of(bodyFamily, titleFamily)) {
            if (faces.get(key(family, false)).equals(face) || faces.get(key(family, true)).equals(face)) {
                return family;
            }
        }
        return face.family();
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

    static void writeXml(Document xml, PackagePart part) throws IOException, TransformerException {
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

    /** A GUID derived from the family and style, so the same document gets the same key every time. */
    static String fontKey(String family, boolean bold) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((family + (bold ? "|Bold" : "|Regular")).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                hex.append(String.format("%02X", hash[i]));
            }
            return "{" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20) + "}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * ECMA-376 Part 1 §17.8.1: the first 32 bytes of the font XORed with the key, the GUID's 16 bytes in reverse
     * order of its hexadecimal text. Applying it twice restores the font.
     */
    static void obfuscate(byte[] font, String fontKey) {
        String hex = fontKey.replaceAll("[{}-]", "");
        byte[] key = new byte[16];
        for (int i = 0; i < 16; i++) {
            key[i] = (byte) Integer.parseInt(hex.substring(30 - 2 * i, 32 - 2 * i), 16);
        }
        for (int i = 0; i < 32 && i < font.length; i++) {
            font[i] ^= key[i % 16];
        }
    }
}
