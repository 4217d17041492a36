package cn.jixiao.fonts;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which fonts the forms are set in. A unit that owns other fonts (仿宋_GB2312, 方正小标宋) points {@code directory} at
 * them and names the families; no code changes.
 *
 * @param directory   where the TrueType files are (.ttf, .otf or .ttc)
 * @param bodyFamily  family of every table cell, e.g. {@code Noto Serif SC} or {@code 仿宋_GB2312}
 * @param titleFamily family of the title 项目支出绩效自评表, e.g. {@code 方正小标宋简体}
 * @param fallbackFamily family that draws the characters the body or title family lacks (a 生僻字 of CJK Extension B,
 *                    say); {@code null} for none
 * @param systemFonts the machine's fonts, asked for a character neither these families nor the fallback family has;
 *                    {@code null} not to ask them (the same documents on every machine): such a character is then
 *                    reported and left out
 */
public record FontSettings(Path directory, String bodyFamily, String titleFamily, String fallbackFamily,
                           SystemFonts systemFonts) {

    public static final String DEFAULT_FAMILY = "Noto Serif SC";

    public FontSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(bodyFamily, "bodyFamily");
        Objects.requireNonNull(titleFamily, "titleFamily");
    }

    /** The fonts shipped in {@code fonts/}, Noto Serif SC Regular and Bold, and the machine's fonts where they lack. */
    public static FontSettings shipped(Path fontsDirectory) {
        return new FontSettings(fontsDirectory, DEFAULT_FAMILY, DEFAULT_FAMILY, null, SystemFonts.installed());
    }
}
