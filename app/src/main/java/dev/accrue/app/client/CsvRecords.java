package dev.accrue.app.client;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV read a record at a time from a stream (a file of millions of rows is never held whole),
 * each record with the line it starts on: comma-separated, fields in double quotes may hold commas,
 * quotes ({@code ""}) and line breaks. A record longer than {@link #RECORD_LENGTH_MAX} characters is an
 * {@link IOException}: a missing closing quote would otherwise swallow the rest of the file.
 */
final class CsvRecords {
    static final int RECORD_LENGTH_MAX = 64 * 1024;

    /** One record: its fields and the 1-based line it starts on. */
    record Record(long line, List<String> fields) {
        boolean blank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private final Reader reader;
    private long line = 1;
    private int pushedBack = -2;

    CsvRecords(Reader reader) {
        this.reader = reader;
    }

    /** The next record, or null at the end. */
    Record next() throws IOException {
        int c = read();
        if (c < 0) return null;
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int length = 0;
        for (; c >= 0; c = read()) {
            if (++length > RECORD_LENGTH_MAX) {
                throw new IOException("line " + start + ": a record longer than " + RECORD_LENGTH_MAX + " characters (a quote not closed?)");
            }
            if (quoted) {
                if (c == '"') {
                    int after = read();
                    if (after == '"') field.append('"');
                    else {
                        quoted = false;
                        unread(after);
                    }
                } else {
                    if (c == '\n') line++;
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') unread(after);
                }
                line++;
                break;
            } else {
                field.append((char) c);
            }
        }
        fields.add(field.toString());
        return new Record(start, fields);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return reader.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
