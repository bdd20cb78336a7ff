package dev.tollgate.usage.report;

import tools.jackson.databind.json.JsonMapper;

/** Pieces of streamed JSON documents; each value is written by Jackson, so escaping is never hand-made. */
final class Json {

    private Json() {}

    static String write(Object value) {
        return JsonMapper.shared().writeValueAsString(value);
    }

    /** The opening members every report shares, without the closing brace. */
    static String head(ReportPeriod period) {
        return "{\"from\":" + write(period.from().toString())
                + ",\"to\":" + write(period.to().toString())
                + ",\"timezone\":" + write(period.zone().getId())
                + ",\"currency\":" + write(ChargebackDocument.CURRENCY);
    }
}
