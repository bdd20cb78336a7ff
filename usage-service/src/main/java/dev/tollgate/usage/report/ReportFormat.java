package dev.tollgate.usage.report;

import dev.tollgate.usage.problem.UsageException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;

/** CSV or JSON: the {@code format} parameter when given, else the first of them the {@code Accept} header names. */
enum ReportFormat {
    CSV(MediaType.parseMediaType("text/csv;charset=UTF-8")),
    JSON(MediaType.APPLICATION_JSON);

    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final MediaType mediaType;

    ReportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    static ReportFormat of(Optional<String> format, List<MediaType> accept) {
        if (format.isPresent()) {
            return switch (format.get()) {
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> throw UsageException.badParameter("format", "format must be csv or json");
            };
        }
        List<MediaType> sorted = accept.stream()
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .toList();
        for (MediaType wanted : sorted) {
            if (wanted.isCompatibleWith(TEXT_CSV) && !wanted.isWildcardType()) {
                return CSV;
            }
            if (wanted.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return JSON;
            }
        }
        return JSON;
    }
}
