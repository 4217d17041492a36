package cn.jixiao.render.docx;

import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTParaRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

/**
 * The configured families on the template's runs (ascii, hAnsi, eastAsia and cs alike): the body family on every run,
 * paragraph mark and the styles' defaults, the title family in the paragraph of the {@value Styles#TITLE_STYLE} style
 * and in that style. Theme fonts, which would win over them, are removed.
 */
final class RunFonts {

    private RunFonts() {
    }

    /** Sets the families on these paragraphs and in the styles. */
    static void setFamilies(XWPFDocument document, Styles styles, List<CTP> paragraphs, String bodyFamily,
                            String titleFamily) {
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
}
