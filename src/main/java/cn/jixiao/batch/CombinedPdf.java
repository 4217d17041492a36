package cn.jixiao.batch;

import cn.jixiao.render.pdf.ArchivalPdf;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.RandomAccessFileOrArray;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One PDF of every form of a batch, in input order, with a bookmark per project. Forms are appended as they are
 * finished, page by page, their pages sharing one copy of each font ({@link FontSharingCopy}); into a directory,
 * memory does not grow with the number of forms (into a ZIP stream the file is held until complete, see
 * {@link BatchOutput#zip}). The file exists under its name only once complete.
 */
final class CombinedPdf implements AutoCloseable {

    private final BatchOutput output;
    private final String name;
    private final String title;
    private final boolean archival;
    private final List<Map<String, Object>> bookmarks = new ArrayList<>();
    /**
     * The document ID: a digest of the forms' own IDs (each a digest of the form's printed text), not of their bytes,
     * which cost a tenth of a batch's CPU to hash.
     */
    private final MessageDigest digest = sha256();
    private BatchOutput.Pending file;
    private Document document;
    private FontSharingCopy copy;
    private int pages;

    /** @param archival write it as PDF/A ({@link ArchivalPdf}) */
    CombinedPdf(BatchOutput output, String name, String title, boolean archival) {
        this.output = output;
        this.name = name;
        this.title = title;
        this.archival = archival;
    }

    /** Appends every page of a form's PDF, bookmarked with the given title at its first page. */
    void append(byte[] pdf, String bookmark) throws IOException {
        if (copy == null) {
            open();
        }
        // Partial reading: only the objects the pages need are parsed, when they are copied, not the whole file first.
        PdfReader reader = new PdfReader(new RandomAccessFileOrArray(pdf), null);
        try {
            Map<String, Object> entry = new HashMap<>();
            entry.put("Title", bookmark);
            entry.put("Action", "GoTo");
            entry.put("Page", (pages + 1) + " Fit");
            bookmarks.add(entry);
            copy.shareFonts(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                copy.addPage(copy.getImportedPage(reader, page));
                pages++;
            }
            copy.freeReader(reader);
            digest.update(reader.getTrailer().getAsArray(PdfName.ID).getPdfObject(0).getBytes());
        } catch (DocumentException e) {
            throw new IOException("cannot add \"" + bookmark + "\" to the combined PDF: " + e.getMessage(), e);
        } finally {
            reader.close();
        }
    }

    /** Finishes the file; without any form there is no file. */
    void commit(LocalDate creationDate) throws IOException {
        if (copy == null) {
            return;
        }
        copy.writeSharedFonts();
        copy.setOutlines(bookmarks);
        if (creationDate == null) {
            copy.getInfo().remove(PdfName.CREATIONDATE);
        } else {
            copy.getInfo().put(PdfName.CREATIONDATE,
                    new PdfDate(GregorianCalendar.from(creationDate.atStartOfDay(ZoneOffset.UTC))));
        }
        byte[] id = Arrays.copyOf(digest.digest(), 16);
        copy.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
        if (archival) {
            ArchivalPdf.complete(copy, id);
        }
        document.close();
        file.commit();
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }

    private void open() throws IOException {
        file = output.open(name);
        document = new Document();
        try {
            copy = new FontSharingCopy(document, file.out());
        } catch (DocumentException e) {
            throw new IOException("cannot start the combined PDF: " + e.getMessage(), e);
        }
        copy.setCloseStream(false);
        // Object streams: the pages' dictionaries compressed together, about 250 bytes a page less.
        copy.setFullCompression();
        document.addTitle(title);
        document.addCreator("jixiao");
        document.open();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
