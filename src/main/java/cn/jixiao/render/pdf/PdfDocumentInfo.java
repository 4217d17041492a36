package cn.jixiao.render.pdf;

import java.time.LocalDate;

/**
 * What a PDF says about itself besides its pages.
 *
 * @param title        the document title (the project name, or the batch's title)
 * @param creationDate the date the PDF is dated; {@code null} leaves the date out. Never the clock: the same input must
 *                     give the same bytes.
 */
public record PdfDocumentInfo(String title, LocalDate creationDate) {
}
