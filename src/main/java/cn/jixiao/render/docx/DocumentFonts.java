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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTParaRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSettings;
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
 * Bold runs use the family's bold face where it has one. A face is known by its number, {@link #face}.
 *
 * <p>The families and the font table are set in the template once ({@link #setFamilies}, {@link #embed}); each form
 * then only cuts its subsets ({@link #subset}). Each font file is mapped once, by one {@link TrueTypeSubsetter}, however
 * many faces and forms use it.
 */
final class DocumentFonts {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String FONT_TABLE_RELATION = R + "/fontTable";
    private static final String FONT_RELATION = R + "/font";
    private static final String FONT_TABLE_TYPE =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
    private static final String OBFUSCATED_FONT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont";
    private static final List<String> EMBED_ELEMENTS =
            List.of("embedRegular", "embedBold", "embedItalic", "embedBoldItalic");
    /** Page number fields (第 N 页 共 M 页) print digits the runs do not hold. */
    private static final String DIGITS = "0123456789";
    /** Faces by number: body regular, body bold, title regular, title bold. */
    static final int FACES = 4;
    static final int BODY_REGULAR = 0;

    /** One embedded font file: its part, the faces drawn from it, and how to cut and key its subsets. */
    record EmbeddedFont(String entryName, BitSet faces, TrueTypeSubsetter subsetter, String fontKey) {
    }

    private final String bodyFamily;
    private final String titleFamily;
    private final Face[] faces = new Face[FACES];
    private final Map<Path, TrueTypeSubsetter> subsetters = new HashMap<>();

    DocumentFonts(FontSettings settings, FontLibrary library) throws FontException {
        this.bodyFamily = settings.bodyFamily();
        this.titleFamily = settings.titleFamily();
        for (int face = 0; face < FACES; face++) {
            Face found = library.face(family(face), isBold(face));
            faces[face] = found;
            if (!subsetters.containsKey(found.file())) {
                try {
                    subsetters.put(found.file(), TrueTypeSubsetter.open(found.file()));
                } catch (IOException e) {
                    throw new FontException("cannot read font " + found.file() + ": " + e.getMessage());
                } catch (FontException e) {
                    throw new FontException("cannot embed font " + found.file() + ": " + e.getMessage());
                }
            }
        }
    }

    /** The number of the face a run is drawn in. */
    static int face(Styles styles, CTP paragraph, CTR run) {
        return (styles.isTitle(paragraph) ? 2 : 0) + (styles.bold(paragraph, run) ? 1 : 0);
    }

    /** The characters every document draws that no run holds: the page numbers' digits, in the body face. */
    static void addFieldDigits(BitSet[] codePoints) {
        DIGITS.chars().forEach(codePoints[BODY_REGULAR]::set);
    }

    private String family(int face) {
        return face >= 2 ? titleFamily : bodyFamily;
    }

    private static boolean isBold(int face) {
        return face % 2 == 1;
    }

    /**
     * Sets the family of every paragraph mark and run of these paragraphs, in the styles' defaults and in the title
     * style.
     */
    void setFamilies(XWPFDocument document, Styles styles, List<CTP> paragraphs) {
        for (CTP paragraph : paragraphs) {
            String family = styles.isTitle(paragraph) ? titleFamily : bodyFamily;
            CTPPr paragraphProperties = paragraph.isSetPPr() ? paragraph.getPPr() : paragraph.addNewPPr();
            CTParaRPr mark = paragraphProperties.isSetRPr() ? paragraphProperties.getRPr()
                    : paragraphProperties.addNewRPr();
            setFamily(mark.sizeOfRFontsArray() > 0 ? mark.getRFontsArray(0) : mark.addNewRFonts(), family);
            for (CTR run : paragraph.getRList()) {
                CTRPr properties = run.isSetRPr() ? run.getRPr() : run.addNewRPr();
                setFamily(properties.sizeOfRFontsArray() > 0 ? properties.getRFontsArray(0)
                        : properties.addNewRFonts(), family);
            }
        }
        CTFonts defaults = CTFonts.Factory.newInstance();
        setFamily(defaults, bodyFamily);
        document.getStyles().setDefaultFonts(defaults);
        var title = document.getStyles().getStyle(Styles.TITLE_STYLE);
        if (title != null) {
            var rPr = title.getCTStyle().isSetRPr() ? title.getCTStyle().getRPr() : title.getCTStyle().addNewRPr();
            setFamily(rPr.sizeOfRFontsArray() > 0 ? rPr.getRFontsArray(0) : rPr.addNewRFonts(), titleFamily);
        }
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

    /**
     * Replaces the template's embedded fonts by one part per font file the used faces come from, in the order of the
     * faces' first use; the parts' content is each form's subset. Tells Word the document embeds subset fonts.
     *
     * @param usedFaces face numbers in the order of their first use
     */
    List<EmbeddedFont> embed(XWPFDocument document, List<Integer> usedFaces) throws DocxException {
        try {
            PackagePart fontTable = fontTable(document);
            Document table = removeEmbeddedFonts(document.getPackage(), fontTable);
            Map<Path, BitSet> byFile = new LinkedHashMap<>();
            for (int face : usedFaces) {
                byFile.computeIfAbsent(faces[face].file(), file -> new BitSet()).set(face);
            }
            List<EmbeddedFont> embedded = new ArrayList<>();
            for (Map.Entry<Path, BitSet> file : byFile.entrySet()) {
                int number = embedded.size() + 1;
                Face face = faces[file.getValue().nextSetBit(0)];
                String family = family(file.getValue().nextSetBit(0));
                String fontKey = fontKey(family, face.bold());
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
                embedded.add(new EmbeddedFont(name.getName().substring(1), file.getValue(),
                        subsetters.get(file.getKey()), fontKey));
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

    /** The embedded part of a font file for one form: the subset of the characters its faces draw, obfuscated. */
    static byte[] subset(EmbeddedFont font, BitSet codePoints) throws DocxException {
        try {
            byte[] subset = font.subsetter().subset(codePoints);
            obfuscate(subset, font.fontKey());
            return subset;
        } catch (FontException e) {
            throw new DocxException("cannot embed the fonts: " + e.getMessage(), e);
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
