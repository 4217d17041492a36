package cn.jixiao.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download whose name may be Chinese (RFC 6266): a plain {@code filename} for old
 * clients, with every character outside printable ASCII as {@code _}, and the exact name as {@code filename*} in UTF-8
 * (RFC 5987), which every current browser prefers.
 */
final class ContentDisposition {

    private ContentDisposition() {
    }

    static String attachment(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        // URLEncoder writes the form encoding: a space as +, which RFC 5987 does not know.
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
