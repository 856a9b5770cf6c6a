package dev.parley.knowledge.internal;

import static dev.parley.knowledge.internal.UnpackLimits.MAX_PART_BYTES;
import static dev.parley.knowledge.internal.UnpackLimits.MAX_TOTAL_BYTES;

import dev.parley.knowledge.internal.UnpackLimits.Meter;
import dev.parley.knowledge.internal.UnpackLimits.TooLarge;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Bounds on what a PDF may unpack to while its text is read, so that a small file (a few hundred KB of compressed
 * page content can unpack to gigabytes, or draw the same text millions of times) fails with a clear reason instead of
 * exhausting the node's memory. PDFBox unpacks each stream it reads whole, in memory, so the streams text extraction
 * may read (everything but images) are measured first, unpacking into a counter that stops at the limit; and the
 * characters placed on a page and in the document are counted as they are extracted.
 */
final class PdfLimits {

    static final int MAX_PAGES = 10_000;
    static final int MAX_PAGE_CHARACTERS = 200_000;
    static final long MAX_CHARACTERS = DocumentSections.MAX_CHARACTERS;

    /** Filters only images use; text extraction never unpacks them. */
    private static final Set<COSName> IMAGE_FILTERS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);

    private PdfLimits() {
    }

    /** Fails with {@link ImportFailed} when the document has too many pages or unpacks to too much. */
    static void check(PDDocument pdf, String file) {
        if (pdf.getNumberOfPages() > MAX_PAGES) {
            throw new ImportFailed(file, 0, "the PDF has %,d pages, more than %,d; split it into smaller files"
                    .formatted(pdf.getNumberOfPages(), MAX_PAGES));
        }
        COSDocument document = pdf.getDocument();
        long total = 0;
        // Objects stored inside object streams (negative offsets) are never streams themselves; reading them would
        // unpack their object stream before it is measured.
        List<COSObjectKey> stored = new ArrayList<>();
        for (Map.Entry<COSObjectKey, Long> entry : document.getXrefTable().entrySet()) {
            if (entry.getValue() != null && entry.getValue() >= 0) {
                stored.add(entry.getKey());
            }
        }
        for (COSObjectKey key : stored) {
            COSBase object;
            try {
                object = document.getObjectFromPool(key).getObject();
            } catch (RuntimeException broken) {
                continue; // PDFBox's lenient reading skips or reports it as it would without this check
            }
            if (object instanceof COSStream stream && !COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                try {
                    total += unpackedSize(stream, total);
                } catch (TooLarge e) {
                    throw new ImportFailed(file, 0, e.total()
                            ? "the PDF's pages and fonts unpack to more than " + (MAX_TOTAL_BYTES >> 20)
                                    + " MB; split it into smaller files"
                            : "a part of the PDF unpacks to more than " + (MAX_PART_BYTES >> 20) + " MB");
                }
            }
        }
    }

    /**
     * The stream's size once unpacked, counted without keeping it (given what the file's earlier streams used of the
     * total); a stream that cannot be unpacked counts as read.
     */
    private static long unpackedSize(COSStream stream, long totalSoFar) throws TooLarge {
        List<COSName> filters = filters(stream.getFilters());
        if (filters.stream().anyMatch(IMAGE_FILTERS::contains)) {
            return 0;
        }
        try (InputStream raw = stream.createRawInputStream()) {
            InputStream in = raw;
            for (int i = 0; i < filters.size() - 1; i++) {
                Meter step = Meter.forPart(totalSoFar, true);
                FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(in, step, stream, i);
                in = new ByteArrayInputStream(step.kept());
            }
            Meter last = Meter.forPart(totalSoFar, false);
            if (filters.isEmpty()) {
                in.transferTo(last);
            } else {
                FilterFactory.INSTANCE.getFilter(filters.getLast()).decode(in, last, stream, filters.size() - 1);
            }
            return last.count();
        } catch (TooLarge e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return Math.min(stream.getLength(), UnpackLimits.partLimit(totalSoFar)); // broken or unknown: PDFBox reports or skips it when reading
        }
    }

    private static List<COSName> filters(COSBase filters) {
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** PDFBox's text extraction, stopped with {@link ImportFailed} once a page or the document holds too much text. */
    static class BoundedTextStripper extends PDFTextStripper {

        private final String file;
        private final int pageLimit;
        private final long limit;
        private int onPage;
        private long total;

        BoundedTextStripper(String file) {
            this(file, MAX_PAGE_CHARACTERS, MAX_CHARACTERS);
        }

        BoundedTextStripper(String file, int pageLimit, long limit) {
            this.file = file;
            this.pageLimit = pageLimit;
            this.limit = limit;
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            onPage = 0;
            super.startPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (++onPage > pageLimit) {
                throw new ImportFailed(file, 0, "page %d of the PDF holds more than %,d characters"
                        .formatted(getCurrentPageNo(), pageLimit));
            }
            if (++total > limit) {
                throw new ImportFailed(file, 0, "the PDF holds more than %,d characters of text; split it into smaller files"
                        .formatted(limit));
            }
            super.processTextPosition(text);
        }
    }
}
