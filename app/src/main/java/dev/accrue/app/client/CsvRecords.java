package dev.accrue.app.client;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV (Apache Commons CSV) read a record at a time from a stream, so a file of millions of rows
 * is never held whole, each record with the line it starts on. Empty lines come back as blank records so
 * that line numbers stay true; a quote never closed is an {@link IOException}.
 */
final class CsvRecords {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** One record: its fields and the 1-based line it starts on. */
    record Record(long line, List<String> fields) {
        boolean blank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRecords(Reader reader) throws IOException {
        this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    /** The next record, or null at the end. */
    Record next() throws IOException {
        long start = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) return null;
            return new Record(start, records.next().toList());
        } catch (UncheckedIOException e) {
            throw new IOException("line " + start + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
