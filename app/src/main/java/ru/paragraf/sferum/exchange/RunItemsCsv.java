package ru.paragraf.sferum.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The items of a run as a CSV file that Russian Excel opens as it is: UTF-8 with a byte order mark, semicolons
 * between cells. Cells that a spreadsheet would take for a formula are neutralised.
 */
@Component
class RunItemsCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    private static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL)
            .setDelimiter(';')
            .setRecordSeparator("\r\n")
            .get();
    private static final String[] COLUMNS = {
        "number", "time", "objectType", "objectId", "object", "action", "result", "message", "link"
    };

    private final RunItems items;
    private final ExchangeViews views;
    private final ExchangeTexts texts;

    RunItemsCsv(RunItems items, ExchangeViews views, ExchangeTexts texts) {
        this.items = items;
        this.views = views;
        this.texts = texts;
    }

    void write(RunRow run, boolean errorsOnly, OutputStream out) {
        try {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            var csv = new CSVPrinter(writer, FORMAT);
            for (var column : COLUMNS) {
                csv.print(texts.text("exchange.csv." + column));
            }
            csv.println();
            var number = new int[] {0};
            items.forEach(run.id(), errorsOnly, row -> {
                var item = views.item(row);
                try {
                    csv.printRecord(
                            ++number[0],
                            TIME.format(item.recordedAt()),
                            cell(item.objectType()),
                            cell(item.objectId()),
                            cell(item.objectTitle()),
                            cell(item.action()),
                            texts.text("exchange.result." + item.result()),
                            cell(item.message()),
                            cell(item.link()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A text cell that no spreadsheet evaluates: one starting with {@code = + - @}, a tab or a carriage return gets
     * a leading apostrophe (OWASP's advice against CSV injection).
     */
    static String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
